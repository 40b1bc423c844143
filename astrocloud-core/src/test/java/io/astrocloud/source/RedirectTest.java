package io.astrocloud.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.Headers;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.http.Fault;
import io.astrocloud.testkit.http.Faults;
import io.astrocloud.testkit.http.RangeHttpServer;
import io.astrocloud.testkit.net.SelfSignedTls;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redirects are followed by the source, not by the JDK client: the caller's headers reach the
 * origin they were given for and never another one (two in-process servers on different ports, and
 * an HTTPS server with a certificate made for the test), HTTPS never falls back to HTTP, and the
 * source's own Range and If-Match go on to every hop.
 */
class RedirectTest {
    private static final String TOKEN = "Bearer PLANTED-token";
    private final byte[] small = SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(3, 3));
    private RangeHttpServer origin;
    private RangeHttpServer other;
    private final List<Headers> atOrigin = new CopyOnWriteArrayList<>();
    private final List<Headers> atOther = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        origin = RangeHttpServer.start().put("/small.fits", small);
        other = RangeHttpServer.start().put("/small.fits", small);
        other.fault("/small.fits", recording(atOther));
    }

    @AfterEach
    void stop() {
        origin.close();
        other.close();
    }

    /** Keeps a copy of each request's headers, then lets the server answer. */
    private static Fault recording(List<Headers> into) {
        return (ex, object, attempt) -> {
            Headers copy = new Headers();
            copy.putAll(ex.getRequestHeaders());
            into.add(copy);
            return false;
        };
    }

    /** Records the request's headers at the origin, then answers with a redirect. */
    private Fault recordThenRedirect(int status, String location) {
        Fault redirect = Faults.redirect(status, location);
        return (ex, object, attempt) -> {
            recording(atOrigin).apply(ex, object, attempt);
            return redirect.apply(ex, object, attempt);
        };
    }

    private static SourceResolver resolver(HttpClient client) {
        AccessOptions.Builder b = AccessOptions.builder().httpHeader("Authorization", TOKEN)
                .httpHeader("X-Api-Key", "PLANTED-key").timeout(Duration.ofSeconds(5))
                .retry(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20)));
        return new SourceResolver(client == null ? b.build() : b.httpClient(client).build());
    }

    private static int walk(SourceResolver resolver, String url) throws IOException {
        try (HeaderWalk w = HeaderWalk.over(resolver.open(url), WalkOptions.DEFAULT)) {
            return w.toList().size();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void dropsAuthorizationOnCrossOriginRedirect(int status) throws IOException {
        origin.fault("/moved.fits", recordThenRedirect(status, other.url("/small.fits")));
        try (SourceResolver resolver = resolver(null)) {
            assertThat(walk(resolver, origin.url("/moved.fits"))).isEqualTo(4);
        }
        assertThat(atOrigin).isNotEmpty().allSatisfy(h -> {
            assertThat(h.getFirst("Authorization")).isEqualTo(TOKEN);
            assertThat(h.getFirst("X-Api-Key")).isEqualTo("PLANTED-key");
        });
        assertThat(atOther).isNotEmpty().allSatisfy(h -> {
            assertThat(h.containsKey("Authorization")).isFalse();
            assertThat(h.containsKey("X-Api-Key")).isFalse();
            assertThat(h.getFirst("Range")).startsWith("bytes=");
        });
    }

    @Test
    void keepsHeadersRangeAndIfMatchOnSameOriginRedirect() throws IOException {
        List<Headers> atTarget = new CopyOnWriteArrayList<>();
        origin.fault("/moved.fits", recordThenRedirect(307, "/small.fits")).fault("/small.fits", recording(atTarget));
        try (SourceResolver resolver = resolver(null)) {
            RangeSource s = resolver.open(origin.url("/moved.fits"));
            FetchedRange first = s.read(RangeRequest.of(0, 2880));
            FetchedRange second = s.read(RangeRequest.of(2880, 2880));
            assertThat(second.bytes()).isEqualTo(java.util.Arrays.copyOfRange(small, 2880, 5760));
            assertThat(atTarget).hasSize(2);
            assertThat(atTarget).allSatisfy(h -> assertThat(h.getFirst("Authorization")).isEqualTo(TOKEN));
            assertThat(atTarget.get(0).getFirst("Range")).isEqualTo("bytes=0-2879");
            assertThat(atTarget.get(1).getFirst("Range")).isEqualTo("bytes=2880-5759");
            assertThat(atTarget.get(1).getFirst("If-Match")).isEqualTo(first.object().etag());
            // The If-Match of the second read was also sent to the URL that redirected.
            assertThat(atOrigin.get(1).getFirst("If-Match")).isEqualTo(first.object().etag());
        }
    }

    @Test
    void streamsADownloadThroughACrossOriginRedirectWithoutTheHeaders() throws IOException {
        origin.fault("/moved.fits", recordThenRedirect(302, other.url("/small.fits")));
        try (SourceResolver resolver = resolver(null);
             InputStream in = resolver.open(origin.url("/moved.fits")).open(0, null)) {
            assertThat(in.readAllBytes()).isEqualTo(small);
        }
        assertThat(atOther).singleElement().satisfies(h -> {
            assertThat(h.containsKey("Authorization")).isFalse();
            assertThat(h.getFirst("Range")).isEqualTo("bytes=0-");
        });
    }

    @Test
    void neverSendsTheHeadersAgainAfterLeavingTheOrigin() throws IOException {
        // origin -> other -> back to origin: the headers were dropped at the first hop and stay dropped.
        List<Headers> back = new CopyOnWriteArrayList<>();
        origin.fault("/moved.fits", recordThenRedirect(302, other.url("/bounce.fits")))
                .fault("/small.fits", recording(back));
        other.fault("/bounce.fits", Faults.redirect(302, origin.url("/small.fits")));
        try (SourceResolver resolver = resolver(null)) {
            assertThat(walk(resolver, origin.url("/moved.fits"))).isEqualTo(4);
        }
        assertThat(back).isNotEmpty().allSatisfy(h -> assertThat(h.containsKey("Authorization")).isFalse());
    }

    @Test
    void refusesARedirectFromHttpsToHttp() throws IOException {
        SelfSignedTls tls = SelfSignedTls.generate();
        HttpClient client = HttpClient.newBuilder().sslContext(tls.clientContext())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try (RangeHttpServer secure = RangeHttpServer.start(tls.serverContext()).put("/small.fits", small);
             SourceResolver resolver = resolver(client)) {
            assertThat(secure.baseUri().getScheme()).isEqualTo("https");
            // Over HTTPS, a same-origin redirect is followed with the headers.
            List<Headers> seen = new CopyOnWriteArrayList<>();
            secure.fault("/small.fits", recording(seen)).fault("/same.fits", Faults.redirect(302, "/small.fits"));
            assertThat(walk(resolver, secure.url("/same.fits"))).isEqualTo(4);
            assertThat(seen).isNotEmpty().allSatisfy(h -> assertThat(h.getFirst("Authorization")).isEqualTo(TOKEN));

            secure.fault("/down.fits", Faults.redirect(302, other.url("/small.fits")));
            SourceException e = catchThrowableOfType(() -> walk(resolver, secure.url("/down.fits")),
                    SourceException.class);
            assertThat(e.reason()).isEqualTo(SourceException.Reason.REJECTED);
            assertThat(e).hasMessageContaining("HTTPS to HTTP").hasMessageContaining("/down.fits")
                    .hasMessageNotContaining("PLANTED");
            assertThat(other.requests()).isZero();
        }
    }

    @Test
    void stopsAfterFiveRedirectsAsNotAnObject() {
        origin.fault("/loop.fits", Faults.redirect(302, "/loop.fits"));
        try (SourceResolver resolver = resolver(null)) {
            SourceException e = catchThrowableOfType(() -> walk(resolver, origin.url("/loop.fits")),
                    SourceException.class);
            assertThat(e.reason()).isEqualTo(SourceException.Reason.NOT_AN_OBJECT);
            assertThat(e).hasMessageContaining("redirect loop");
        }
        assertThat(origin.requests("/loop.fits")).isEqualTo(1 + Redirects.MAX_HOPS);
    }

    @Test
    void refusesAnHttpClientThatFollowsRedirectsItself() {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        assertThatThrownBy(() -> AccessOptions.builder().httpClient(following))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Redirect.NEVER");
    }
}
