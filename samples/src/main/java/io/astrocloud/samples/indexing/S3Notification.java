package io.astrocloud.samples.indexing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The JSON S3 sends when an object is created (event notification structure version 2.1, as S3
 * delivers it to Lambda, SQS or SNS): one record naming the bucket, the key (URL-encoded as HTML
 * forms encode, slashes kept), size, ETag, version and sequencer. Here it is made by the uploader,
 * since the embedded S3 server sends no notifications; the handler cannot tell the difference.
 */
public final class S3Notification {
    private static final ObjectMapper JSON = new ObjectMapper();

    private S3Notification() {
    }

    /**
     * {@code {"Records": [{"eventName": "ObjectCreated:Put", "s3": {...}}]}} for one upload.
     *
     * @param etag      the ETag as PutObject returned it (quotes are dropped, as S3 events carry none)
     * @param versionId null for an unversioned bucket
     * @param sequencer S3's ordering token for the key (hexadecimal, larger is later)
     */
    public static String objectCreated(String region, String bucket, String key, long size, String etag,
                                       String versionId, String sequencer, Instant time) {
        ObjectNode doc = JSON.createObjectNode();
        ObjectNode record = doc.putArray("Records").addObject();
        record.put("eventVersion", "2.1").put("eventSource", "aws:s3").put("awsRegion", region)
                .put("eventTime", time.toString()).put("eventName", "ObjectCreated:Put");
        record.putObject("userIdentity").put("principalId", "AWS:LOCALUPLOADER");
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0").put("configurationId", "FitsCreated");
        s3.putObject("bucket").put("name", bucket).put("arn", "arn:aws:s3:::" + bucket)
                .putObject("ownerIdentity").put("principalId", "LOCAL");
        ObjectNode object = s3.putObject("object");
        object.put("key", encodeKey(key)).put("size", size).put("eTag", etag.replace("\"", ""));
        if (versionId != null) {
            object.put("versionId", versionId);
        }
        object.put("sequencer", sequencer);
        return doc.toPrettyString();
    }

    /** A key as S3 notifications carry it: each path segment form-encoded ({@code +} for a space). */
    static String encodeKey(String key) {
        return Arrays.stream(key.split("/", -1)).map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8))
                .collect(Collectors.joining("/"));
    }
}
