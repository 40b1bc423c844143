package io.astrocloud.camel;

import io.astrocloud.settings.Defaults;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The options of an {@code astrocloud:} endpoint, each declared once: what to walk, how to reach
 * the store, and how to walk. Set on the component, they are the defaults of every endpoint.
 */
@UriParams
public class AstroCloudConfiguration implements Cloneable {
    @UriParam
    private String url;

    @UriParam(label = "security")
    private boolean anonymous;
    @UriParam(label = "security")
    private String profile;
    @UriParam
    private boolean requesterPays;
    @UriParam
    private String region;
    @UriParam
    private String endpointOverride;
    @UriParam
    private boolean pathStyle;
    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private S3Client s3Client;

    @UriParam
    private boolean gzip;
    @UriParam(label = "advanced", defaultValue = "" + Defaults.READ_AHEAD)
    private int readAhead = Defaults.READ_AHEAD;
    @UriParam(label = "advanced", defaultValue = "" + Defaults.PREFETCH)
    private int prefetch = Defaults.PREFETCH;
    @UriParam(label = "advanced", defaultValue = "" + Defaults.MAX_HEADER_BYTES)
    private int maxHeaderSize = Defaults.MAX_HEADER_BYTES;
    @UriParam(label = "advanced", defaultValue = "" + Defaults.REQUEST_TIMEOUT_MILLIS)
    private long requestTimeout = Defaults.REQUEST_TIMEOUT_MILLIS;
    @UriParam(label = "advanced", defaultValue = "" + Defaults.RETRIES)
    private int retries = Defaults.RETRIES;

    @UriParam(label = "consumer", defaultValue = "" + Defaults.CONCURRENCY)
    private int concurrency = Defaults.CONCURRENCY;
    @UriParam(label = "consumer")
    private String include;
    @UriParam(label = "consumer")
    private int maxMessagesPerPoll;

    @UriParam(label = "advanced,security", prefix = "setting.", multiValue = true, secret = true)
    private Map<String, Object> settings = new LinkedHashMap<>();
    @UriParam(label = "advanced,security", prefix = "httpHeader.", multiValue = true, secret = true)
    private Map<String, Object> httpHeaders = new LinkedHashMap<>();

    public String getUrl() {
        return url;
    }

    /**
     * What to walk: an object (s3://bucket/key.fits, an S3 HTTPS URL, any http or https URL, a local
     * path, or a URL of a plug-in store such as gs://bucket/key.fits) or a prefix ending in a slash
     * (s3://bucket/dir/, gs://bucket/dir/, az://container/dir/), whose FITS objects are all walked. The producer uses it when the
     * message names no URL.
     */
    public void setUrl(String url) {
        this.url = url;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    /**
     * Send unsigned S3 requests, as public buckets such as stpubdata want. Off: the default AWS
     * credentials chain (environment, profile, container or instance role), anonymous when it has
     * nothing.
     */
    public void setAnonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }

    public String getProfile() {
        return profile;
    }

    /**
     * A named profile of the AWS shared config and credentials files (.aws in the home directory)
     * instead of the default credentials chain.
     */
    public void setProfile(String profile) {
        this.profile = profile;
    }

    public boolean isRequesterPays() {
        return requesterPays;
    }

    /** Agree to pay for requests to requester-pays S3 buckets (x-amz-request-payer: requester). */
    public void setRequesterPays(boolean requesterPays) {
        this.requesterPays = requesterPays;
    }

    public String getRegion() {
        return region;
    }

    /** The AWS region (e.g. us-east-1). Default: the URL's, else the environment's, else us-east-1. */
    public void setRegion(String region) {
        this.region = region;
    }

    public String getEndpointOverride() {
        return endpointOverride;
    }

    /**
     * The endpoint of an S3-compatible store (MinIO, DigitalOcean Spaces, LocalStack), e.g.
     * https://nyc3.digitaloceanspaces.com. HTTP URLs on this endpoint are read as path-style S3.
     */
    public void setEndpointOverride(String endpointOverride) {
        this.endpointOverride = endpointOverride;
    }

    public boolean isPathStyle() {
        return pathStyle;
    }

    /** Path-style S3 addressing (endpoint/bucket/key), as most S3-compatible stores want. */
    public void setPathStyle(boolean pathStyle) {
        this.pathStyle = pathStyle;
    }

    public S3Client getS3Client() {
        return s3Client;
    }

    /**
     * An S3 client to use as is; it is never closed by the component. When there is exactly one
     * S3Client in the registry it is used (autowired). Without one, the endpoint builds its own from
     * the options above and closes it when it stops.
     */
    public void setS3Client(S3Client s3Client) {
        this.s3Client = s3Client;
    }

    public boolean isGzip() {
        return gzip;
    }

    /**
     * Stream and decompress gzip-compressed objects (.fits.gz). Such objects cannot be walked with
     * ranged requests, so this reads them whole; off, they fail with a message saying so.
     */
    public void setGzip(boolean gzip) {
        this.gzip = gzip;
    }

    public int getReadAhead() {
        return readAhead;
    }

    /**
     * Bytes asked for per ranged request (at least 2880): small HDUs packed together then cost one
     * request, while large data segments are jumped over.
     */
    public void setReadAhead(int readAhead) {
        this.readAhead = readAhead;
    }

    public int getPrefetch() {
        return prefetch;
    }

    /**
     * How many predicted headers may be fetched ahead, in parallel, when a file repeats a layout
     * (HST's SCI, ERR, DQ per read): a wrong guess costs bytes, never correctness. 0 reads one
     * request at a time.
     */
    public void setPrefetch(int prefetch) {
        this.prefetch = prefetch;
    }

    public int getMaxHeaderSize() {
        return maxHeaderSize;
    }

    /**
     * The longest header accepted, in bytes (at least 2880): a header without END within it fails
     * the object instead of being read without bound.
     */
    public void setMaxHeaderSize(int maxHeaderSize) {
        this.maxHeaderSize = maxHeaderSize;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    /** How long one request may take, in milliseconds. */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getRetries() {
        return retries;
    }

    /**
     * How often a request that failed for a passing reason (5xx, 503 SlowDown, connection reset,
     * timeout) is tried again, with exponential backoff.
     */
    public void setRetries(int retries) {
        this.retries = retries;
    }

    public int getConcurrency() {
        return concurrency;
    }

    /**
     * Objects walked at once under a prefix. Each object's HDUs still arrive together and in order;
     * objects arrive as their walks complete.
     */
    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    public String getInclude() {
        return include;
    }

    /**
     * A regular expression the keys under a prefix must match (the whole key) to be walked.
     * Default: names ending in .fits, .fit, .fts or .fz, optionally followed by .gz, in any case.
     */
    public void setInclude(String include) {
        this.include = include;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /**
     * The most objects walked in one poll of a prefix (0: all of them). The next poll goes on with the
     * listing where this one stopped, and starts it again once it is through; with repeatCount=0 and a
     * delay, a large prefix is then worked through in batches.
     */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public Map<String, Object> getSettings() {
        return settings;
    }

    /**
     * Settings for plug-in stores, each given as setting.NAME=VALUE (for example
     * setting.gcs.userProject=my-project or setting.azure.sasToken=RAW(...)): passed to the store
     * providers as they are, so a new store needs no change here. Secret: some carry SAS tokens,
     * account keys or connection strings, and none is printed.
     */
    public void setSettings(Map<String, Object> settings) {
        this.settings = settings;
    }

    public Map<String, Object> getHttpHeaders() {
        return httpHeaders;
    }

    /**
     * Extra headers sent with every plain HTTP(S) request, each given as httpHeader.NAME=VALUE (for
     * example httpHeader.Authorization=RAW(Bearer ...)). Secret: their values are never printed,
     * and they are not sent to another host when a redirect leads there.
     */
    public void setHttpHeaders(Map<String, Object> httpHeaders) {
        this.httpHeaders = httpHeaders;
    }

    /** A copy whose maps can be changed without changing this one's. */
    public AstroCloudConfiguration copy() {
        try {
            AstroCloudConfiguration copy = (AstroCloudConfiguration) clone();
            copy.settings = new LinkedHashMap<>(settings);
            copy.httpHeaders = new LinkedHashMap<>(httpHeaders);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
