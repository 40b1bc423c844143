package io.astrocloud.bench;

import io.astrocloud.fits.Card;
import io.astrocloud.fits.CardParser;
import io.astrocloud.fits.DataSize;
import io.astrocloud.source.FetchedRange;
import io.astrocloud.source.RangeRequest;
import io.astrocloud.source.RangeSource;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.testkit.http.RangeHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The original astro-cloud design: one ranged GET per 2880-byte block, until the END card, then
 * a jump over the data to the next header. Exact in bytes, one round trip per header block.
 */
final class BlockByBlockWalk extends HttpMethod {
    private final SourceResolver resolver;

    BlockByBlockWalk(RangeHttpServer server, SourceResolver resolver) {
        super(server);
        this.resolver = resolver;
    }

    @Override
    public String name() {
        return MethodNames.BLOCKS;
    }

    @Override
    Walked walk(String url, BenchFile file) throws IOException {
        int hdus = 0;
        try (RangeSource source = resolver.backend(url)) {
            long offset = 0;
            long size = Long.MAX_VALUE;
            while (offset < size) {
                ByteArrayOutputStream header = new ByteArrayOutputStream();
                boolean ended = false;
                while (!ended) {
                    FetchedRange block = source.read(RangeRequest.of(offset + header.size(), DataSize.BLOCK));
                    size = block.object().size();
                    header.writeBytes(block.bytes());
                    ended = block.bytes().length < DataSize.BLOCK || hasEnd(block.bytes());
                }
                byte[] bytes = header.toByteArray();
                List<Card> cards = CardParser.parse(bytes, bytes.length);
                offset += bytes.length + DataSize.padded(DataSize.of(cards, hdus == 0));
                hdus++;
            }
        }
        return new Walked(hdus, -1);
    }

    private static boolean hasEnd(byte[] block) {
        for (int at = 0; at + 80 <= block.length; at += 80) {
            if (new String(block, at, 8, StandardCharsets.US_ASCII).equals("END     ")) {
                return true;
            }
        }
        return false;
    }
}
