package io.astrocloud.healpix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixtures healpy and astropy wrote (oracles/make_healpix_golden.py), read from
 * {@code src/test/resources/golden/healpix}. Numbers were written in round-trip form, so the
 * doubles read here are the ones the oracle was given.
 */
final class HealpyGolden {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HealpyGolden() {
    }

    static JsonNode read(String name) {
        String resource = "/golden/healpix/" + name;
        try (InputStream in = HealpyGolden.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + resource + ": run oracles/make_healpix_golden.py");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + resource, e);
        }
    }

    static Vector3 vector(JsonNode xyz) {
        return new Vector3(xyz.get(0).asDouble(), xyz.get(1).asDouble(), xyz.get(2).asDouble());
    }

    static List<Vector3> vectors(JsonNode list) {
        List<Vector3> out = new ArrayList<>();
        list.forEach(v -> out.add(vector(v)));
        return out;
    }

    static long[] longs(JsonNode list) {
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i).asLong();
        }
        return out;
    }

    /** Ranges [start, end) as written by the script, back to a Moc at the order of the query. */
    static Moc moc(int order, JsonNode ranges) {
        Moc.Builder builder = Moc.builder(order);
        ranges.forEach(r -> builder.add(r.get(0).asLong(), r.get(1).asLong()));
        return builder.build();
    }
}
