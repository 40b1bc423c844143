package io.astrocloud.bench;

import io.astrocloud.testkit.http.RangeHttpServer;
import io.astrocloud.testkit.s3.TestS3;
import java.io.IOException;
import java.time.Duration;

/**
 * A benchmark server in its own JVM, so that its CPU is not the client's: {@code s3 FILES LATENCY_MS}
 * or {@code http FILES LATENCY_MS}. Fills itself with the survey files, prints {@code READY URL}
 * and serves until its standard input closes.
 */
public final class BenchServerMain {
    private BenchServerMain() {
    }

    /** Runs the server. */
    public static void main(String[] args) throws IOException {
        String kind = args[0];
        int files = Integer.parseInt(args[1]);
        Duration latency = Duration.ofMillis(Long.parseLong(args[2]));
        if (kind.equals("s3")) {
            try (TestS3 s3 = BenchServers.s3(latency)) {
                SurveyFiles.place(s3, files);
                serve(s3.endpoint().toString());
            }
        } else {
            try (RangeHttpServer http = BenchServers.http(latency, 0)) {
                SurveyFiles.serve(http, files);
                serve(http.baseUri().toString());
            }
        }
    }

    private static void serve(String url) throws IOException {
        System.out.println("READY " + url);
        System.out.flush();
        while (System.in.read() >= 0) {
            // Serve until the benchmark closes our standard input.
        }
    }
}
