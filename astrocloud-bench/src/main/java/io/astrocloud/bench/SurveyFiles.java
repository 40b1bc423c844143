package io.astrocloud.bench;

import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.http.RangeHttpServer;
import io.astrocloud.testkit.s3.TestS3;
import java.io.IOException;

/**
 * The files of the throughput run: small multi-extension files (a primary header and three
 * 16 x 16 images, 20,160 bytes each), as a night of a survey camera, under one prefix.
 */
final class SurveyFiles {
    /** Their prefix, on S3 (in {@link BenchFiles#BUCKET}) and on the HTTP server. */
    static final String PREFIX = "survey/";
    private static final int EXTENSIONS = 3;

    private SurveyFiles() {
    }

    /** The key (and HTTP path) of file {@code i}. */
    static String key(int i) {
        return String.format("%sframe-%06d.fits", PREFIX, i);
    }

    /** The size of each file. */
    static long size() {
        return SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(0, EXTENSIONS)).length;
    }

    /** Places {@code n} files on S3, straight onto S3Proxy's disk. */
    static void place(TestS3 s3, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            s3.placeSparse(BenchFiles.BUCKET, key(i), SyntheticFits.smallMultiExtension(i, EXTENSIONS));
        }
    }

    /** Serves {@code n} files from memory over HTTP. */
    static void serve(RangeHttpServer http, int n) {
        for (int i = 0; i < n; i++) {
            http.put("/" + key(i), SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(i, EXTENSIONS)));
        }
    }
}
