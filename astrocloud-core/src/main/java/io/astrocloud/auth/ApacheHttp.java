package io.astrocloud.auth;

import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The Apache HTTP client for S3, sized for the walks in flight. Loaded only when the Apache
 * client is on the class path (it is not in the small Lambda package, which uses the JDK's).
 */
final class ApacheHttp {
    private ApacheHttp() {
    }

    static boolean available() {
        try {
            Class.forName("software.amazon.awssdk.http.apache.ApacheHttpClient", false, ApacheHttp.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static SdkHttpClient client(int maxConnections, Duration timeout) {
        return ApacheHttpClient.builder().maxConnections(maxConnections).socketTimeout(timeout)
                .connectionTimeout(Duration.ofSeconds(10)).build();
    }
}
