package io.astrocloud.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.fits.FitsFormatException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets in URLs, endpoint URIs, connection strings and messages are masked; the rest is kept. */
class RedactionTest {
    private static final String PRESIGNED_S3 = "https://bucket.s3.us-east-1.amazonaws.com/obs/x.fits"
            + "?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIAPLANTED%2F20260101%2Fus-east-1%2Fs3%2Faws4_request"
            + "&X-Amz-Date=20260101T000000Z&X-Amz-Expires=3600"
            + "&X-Amz-Security-Token=IQoPLANTED%2B%2F%3D%3D"
            + "&X-Amz-SignedHeaders=host"
            + "&X-Amz-Signature=0123456789abcdefPLANTED";

    @Test
    void masksTheSignatureCredentialAndTokenOfAPresignedS3Url() {
        assertThat(Redaction.text(PRESIGNED_S3)).isEqualTo("https://bucket.s3.us-east-1.amazonaws.com/obs/x.fits"
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=***"
                + "&X-Amz-Date=20260101T000000Z&X-Amz-Expires=3600&X-Amz-Security-Token=***"
                + "&X-Amz-SignedHeaders=host&X-Amz-Signature=***");
        assertThat(Redaction.text("https://b.s3.amazonaws.com/k?AWSAccessKeyId=AKIAPLANTED&Expires=1"
                + "&Signature=PLANTED")).isEqualTo("https://b.s3.amazonaws.com/k?AWSAccessKeyId=***&Expires=1"
                + "&Signature=***");
    }

    @Test
    void masksTheSigOfAnAzureSasAndKeepsItsOtherFields() {
        String sas = "https://acct.blob.core.windows.net/c/b.fits?sv=2022-11-02&ss=b&srt=o&sp=r"
                + "&se=2030-01-01T00%3A00%3A00Z&sig=PLANTED%2Bsig%3D";
        assertThat(Redaction.text(sas)).isEqualTo("https://acct.blob.core.windows.net/c/b.fits?sv=2022-11-02&ss=b"
                + "&srt=o&sp=r&se=2030-01-01T00%3A00%3A00Z&sig=***");
    }

    @Test
    void masksAGcsSignedUrl() {
        String signed = "https://storage.googleapis.com/b/o.fits?X-Goog-Algorithm=GOOG4-RSA-SHA256"
                + "&X-Goog-Credential=svc%40p.iam.gserviceaccount.com%2F20260101%2Fauto%2Fstorage%2Fgoog4_request"
                + "&X-Goog-Date=20260101T000000Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host"
                + "&X-Goog-Signature=abcdefPLANTED";
        assertThat(Redaction.text(signed)).isEqualTo("https://storage.googleapis.com/b/o.fits"
                + "?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=***&X-Goog-Date=20260101T000000Z"
                + "&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=***");
    }

    @Test
    void masksHeadersSettingsAndUrlsInsideACamelEndpointUri() {
        String uri = "astrocloud://headers?httpHeader.Authorization=RAW(Bearer PLANTED)"
                + "&httpHeader.X-Api=plain-PLANTED&setting.azure.sasToken=RAW(sv=1&sig=PLANTED)"
                + "&setting.gcs.userProject=my-project"
                + "&url=https%3A%2F%2Fh%2Fx.fits%3Fsv%3D1%26sig%3DPLANTED%26sp%3Dr";
        assertThat(Redaction.text(uri)).isEqualTo("astrocloud://headers?httpHeader.Authorization=***"
                + "&httpHeader.X-Api=***&setting.azure.sasToken=***&setting.gcs.userProject=my-project"
                + "&url=https%3A%2F%2Fh%2Fx.fits%3Fsv%3D1%26sig%3D***%26sp%3Dr");
        assertThat(Redaction.text("astrocloud://headers?url=RAW(https://h/x.fits?sv=1&sig=PLANTED)"))
                .isEqualTo("astrocloud://headers?url=RAW(https://h/x.fits?sv=1&sig=***)");
        assertThat(Redaction.text("setting.azure.sasToken=sv%3D1%26sig%3DPLANTED"))
                .isEqualTo("setting.azure.sasToken=***%26sig%3D***");
    }

    @Test
    void masksTheKeyOfAnAzureConnectionStringAndAUrlPassword() {
        assertThat(Redaction.text("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8PLANTED==;"
                + "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"))
                .isEqualTo("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=***;"
                        + "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;");
        assertThat(Redaction.text("https://user:PLANTED@host:8443/x.fits"))
                .isEqualTo("https://user:***@host:8443/x.fits");
        // A ':' or '.' that ends a clause of a message is not part of the secret.
        assertThat(Redaction.text("failed: https://h/x.fits?sig=PLANTED: not found: https://h/x.fits?sig=PLANTED."))
                .isEqualTo("failed: https://h/x.fits?sig=***: not found: https://h/x.fits?sig=***.");
        assertThat(Redaction.text("sent Authorization: Bearer PLANTED\nnext line"))
                .isEqualTo("sent Authorization: ***\nnext line");
    }

    @Test
    void leavesTextWithoutSecretsAlone() {
        for (String plain : new String[] {"s3://bucket/key.fits?versionId=3", "https://h:8080/a@b/x.fits?sp=r&sv=1",
            "invalid FITS: file:///tmp/x.fits, HDU 2, byte 5760: NAXIS1=-3 is negative", "", "design=1&signal=2"}) {
            assertThat(Redaction.text(plain)).isEqualTo(plain);
        }
        assertThat(Redaction.text(null)).isNull();
    }

    @Test
    void masksTheValueOfSecretHeaderLinesAsClientsLogThem() {
        String logged = "GET\n/k.fits\n\nhost:s3.amazonaws.com\nx-amz-security-token:IQoPLANTED\n"
                + "x-amz-date:20261202T000000Z\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIA/x, Signature=PLANTED2\n"
                + "failed: see x-goog-signature: PLANTED3";
        assertThat(Redaction.text(logged)).doesNotContain("PLANTED")
                .contains("host:s3.amazonaws.com").contains("x-amz-date:20261202T000000Z")
                .contains("x-amz-security-token:***").contains("Authorization: ***").contains("failed: see");
        assertThat(Redaction.text("s3 error: token expired at https://h/x.fits"))
                .isEqualTo("s3 error: token expired at https://h/x.fits");
    }

    @Test
    void namesSecretParametersAndMasksHeaderValues() {
        assertThat(Redaction.isSecretName("X-Amz-Security-Token")).isTrue();
        assertThat(Redaction.isSecretName("azure.accountKey")).isTrue();
        assertThat(Redaction.isSecretName("azure.connectionString")).isTrue();
        assertThat(Redaction.isSecretName("httpHeader.Cookie")).isTrue();
        assertThat(Redaction.isSecretName("gcs.userProject")).isFalse();
        assertThat(Redaction.isSecretName("url")).isFalse();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer PLANTED");
        headers.put("Cookie", "session=PLANTED");
        assertThat(Redaction.headers(headers)).containsExactly(Map.entry("Authorization", "***"),
                Map.entry("Cookie", "***"));
    }

    @Test
    void exceptionMessagesAndLocationsShowNoSecret() {
        SourceException denied = new SourceException(SourceException.Reason.ACCESS_DENIED, PRESIGNED_S3, 0, 403, null,
                "AccessDenied", null);
        assertThat(denied.getMessage()).contains("bucket.s3.us-east-1.amazonaws.com/obs/x.fits", "HTTP 403")
                .doesNotContain("PLANTED");
        assertThat(denied.url()).isEqualTo(PRESIGNED_S3);
        assertThat(new FitsFormatException(PRESIGNED_S3, 1, 2880, "no END").getMessage())
                .contains("HDU 1", "byte 2880").doesNotContain("PLANTED");
        assertThat(ObjectRef.of(PRESIGNED_S3).toString()).contains("x.fits").doesNotContain("PLANTED");
    }

    @Test
    void readsAPresignedUrlAsPlainHttpWithItsQuery() throws java.io.IOException {
        try (SourceResolver resolver = new SourceResolver(AccessOptions.defaults())) {
            assertThat(resolver.provider(PRESIGNED_S3).name()).isEqualTo("http");
            assertThat(resolver.backend(PRESIGNED_S3).url()).isEqualTo(URI.create(PRESIGNED_S3).toString());
            assertThat(resolver.provider("https://bucket.s3.us-east-1.amazonaws.com/obs/x.fits?versionId=7").name())
                    .isEqualTo("s3");
        }
        assertThat(Urls.isPresigned(URI.create("https://h/x?GoogleAccessId=a&Expires=1&Signature=s"))).isTrue();
        assertThat(Urls.isPresigned(URI.create("https://h/x?Signature=s"))).isFalse();
    }
}
