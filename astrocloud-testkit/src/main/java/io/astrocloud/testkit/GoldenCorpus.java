package io.astrocloud.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What astropy (Debian's python3-astropy, an independent reader) says about each corpus file,
 * written by {@code corpus/make_golden.py}: per HDU the header offset, header bytes, data offset,
 * padded data bytes, and every card with its typed value. Compares astro-cloud's JSON walk
 * documents ({@code {"hdus": [{"headerOffset", ..., "cards": [...]}]}}) with it and lists the
 * differences, so tests in every module can assert that the list is empty.
 */
public final class GoldenCorpus {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String file;
    private final JsonNode doc;

    private GoldenCorpus(String file, JsonNode doc) {
        this.file = file;
        this.doc = doc;
    }

    /** The golden record of one corpus file. */
    public static GoldenCorpus of(String file) throws IOException {
        try (InputStream in = GoldenCorpus.class.getResourceAsStream("golden/" + file + ".json")) {
            if (in == null) {
                throw new IOException("no golden record for " + file + "; run corpus/make_golden.py");
            }
            return new GoldenCorpus(file, MAPPER.readTree(in));
        }
    }

    /** True when astropy mapped no standard HDUs (SIMPLE = F); see {@link #nonstandardCards()}. */
    public boolean nonstandard() {
        return doc.has("nonstandard");
    }

    /** The cards astropy read from a non-standard file's header. */
    public JsonNode nonstandardCards() {
        return doc.get("nonstandard").get("cards");
    }

    /** The golden HDUs. */
    public JsonNode hdus() {
        return doc.get("hdus");
    }

    /** Differences between a walk document's {@code hdus} and astropy's (empty when they agree). */
    public List<String> differences(JsonNode walk) {
        List<String> diffs = new ArrayList<>();
        JsonNode ours = walk.get("hdus");
        JsonNode theirs = hdus();
        if (ours == null || ours.size() != theirs.size()) {
            diffs.add(file + ": " + (ours == null ? 0 : ours.size()) + " HDUs, astropy has " + theirs.size());
            return diffs;
        }
        for (int i = 0; i < theirs.size(); i++) {
            String where = file + " HDU " + i;
            for (String field : new String[] {"headerOffset", "headerBytes", "dataOffset", "dataBytes"}) {
                if (ours.get(i).path(field).asLong(-1) != theirs.get(i).get(field).asLong()) {
                    diffs.add(where + " " + field + ": " + ours.get(i).path(field) + ", astropy "
                            + theirs.get(i).get(field));
                }
            }
            diffs.addAll(cardDifferences(where, ours.get(i).get("cards"), theirs.get(i).get("cards")));
        }
        return diffs;
    }

    /** Differences between two card lists: keyword, comment, and value with its JSON type. */
    public static List<String> cardDifferences(String where, JsonNode ours, JsonNode theirs) {
        List<String> diffs = new ArrayList<>();
        if (ours == null || ours.size() != theirs.size()) {
            diffs.add(where + ": " + (ours == null ? 0 : ours.size()) + " cards, astropy has " + theirs.size());
            return diffs;
        }
        for (int i = 0; i < theirs.size(); i++) {
            JsonNode a = ours.get(i);
            JsonNode b = theirs.get(i);
            String at = where + " card " + i + " (" + b.get("keyword").asText() + ")";
            if (!a.path("keyword").equals(b.get("keyword")) || !a.path("comment").equals(b.get("comment"))
                    || !sameValue(a.path("value"), b.get("value"))) {
                diffs.add(at + ": " + a + ", astropy " + b);
            }
        }
        return diffs;
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (b.isNumber()) {
            if (!a.isNumber() || a.isIntegralNumber() != b.isIntegralNumber()) {
                return false;
            }
            return b.isIntegralNumber() ? a.bigIntegerValue().equals(b.bigIntegerValue())
                    : a.doubleValue() == b.doubleValue();
        }
        if (b.isArray()) {
            return a.isArray() && a.size() == b.size() && sameValue(a.get(0), b.get(0)) && sameValue(a.get(1), b.get(1));
        }
        return a.equals(b);
    }
}
