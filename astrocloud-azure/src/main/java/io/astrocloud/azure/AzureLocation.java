package io.astrocloud.azure;

import io.astrocloud.source.Redaction;
import io.astrocloud.source.Urls;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a blob lives, read from its URL: {@code https://ACCOUNT.blob.core.windows.net/CONTAINER/BLOB}
 * (also the US Government and China clouds; a SAS token in the query is kept apart from the name)
 * or {@code az://CONTAINER/BLOB}, whose account comes from the settings. A blob name that is empty
 * or ends in {@code /} names a prefix.
 *
 * @param serviceUrl the account's blob endpoint named by the URL ({@code https://ACCOUNT.blob.core.windows.net}),
 *                   or null for {@code az://} URLs
 * @param account    the account named by the URL's host, or null
 * @param container  the container
 * @param blob       the blob name, decoded
 * @param sas        a SAS token from the URL's query, or null
 */
record AzureLocation(String serviceUrl, String account, String container, String blob, String sas) {
    private static final Pattern BLOB_HOST =
            Pattern.compile("([a-z0-9]{3,24})\\.blob\\.core\\."
                    + "(?:windows\\.net|usgovcloudapi\\.net|chinacloudapi\\.cn)");

    /** True for {@code az://} URLs and HTTPS URLs on an account's blob host. */
    static boolean accepts(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("az://")) {
            return true;
        }
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            return false;
        }
        String host = URI.create(url).getHost();
        return host != null && BLOB_HOST.matcher(host.toLowerCase(Locale.ROOT)).matches();
    }

    /** Parses a URL {@link #accepts(String)} accepted. */
    static AzureLocation parse(String url) {
        if (url.toLowerCase(Locale.ROOT).startsWith("az://")) {
            String rest = url.substring("az://".length());
            int slash = rest.indexOf('/');
            String container = slash < 0 ? rest : rest.substring(0, slash);
            if (container.isEmpty()) {
                throw new IllegalArgumentException("no container in " + Redaction.text(url));
            }
            return new AzureLocation(null, null, container, slash < 0 ? "" : rest.substring(slash + 1), null);
        }
        URI uri = URI.create(url);
        Matcher host = BLOB_HOST.matcher(uri.getHost().toLowerCase(Locale.ROOT));
        if (!host.matches()) {
            throw new IllegalArgumentException("not an Azure Blob Storage URL: " + Redaction.text(url));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("no container in " + Redaction.text(url));
        }
        int slash = path.indexOf('/');
        String container = slash < 0 ? path : path.substring(0, slash);
        String blob = slash < 0 ? "" : URLDecoder.decode(path.substring(slash + 1).replace("+", "%2B"),
                StandardCharsets.UTF_8);
        String query = uri.getRawQuery();
        String sas = query != null && query.contains("sig=") ? query : null;
        return new AzureLocation(uri.getScheme() + "://" + uri.getRawAuthority(), host.group(1), container, blob, sas);
    }

    /** The location with its SAS token masked. */
    @Override
    public String toString() {
        return "AzureLocation[" + display() + (sas == null ? "" : "?" + Redaction.text(sas)) + "]";
    }

    /** True when the blob name is empty or ends in '/': a prefix, not one blob. */
    boolean isPrefix() {
        return blob.isEmpty() || blob.endsWith("/");
    }

    /** The URL without its query, so that messages never show a SAS token. */
    String display() {
        return urlOf(blob);
    }

    /** The URL of another blob in the same container, in the same form as this one. */
    String urlOf(String blobName) {
        if (serviceUrl == null) {
            return "az://" + container + "/" + blobName;
        }
        return serviceUrl + "/" + container + "/" + Urls.encodePath(blobName);
    }
}
