package io.astrocloud.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.storage.blob.models.BlobStorageException;
import io.astrocloud.source.SourceException;

/** Turns what the Azure SDK throws into {@link SourceException}s with the blob's URL and offset. */
final class AzureErrors {
    private AzureErrors() {
    }

    /**
     * The failure {@code e} stands for: the service's status and error code when it answered,
     * missing credentials as access denied, misuse (token credentials over plain HTTP) as
     * rejected, anything else (connection, timeout, body cut short) by the core rules.
     */
    static SourceException mapped(RuntimeException e, String url, long offset, boolean anonymous) {
        if (e instanceof BlobStorageException) {
            BlobStorageException b = (BlobStorageException) e;
            String code = b.getErrorCode() == null ? null : b.getErrorCode().toString();
            String detail = (code == null ? "" : code + " - ") + firstLine(b.getServiceMessage());
            if ((b.getStatusCode() == 401 || b.getStatusCode() == 403 || b.getStatusCode() == 404) && anonymous) {
                detail += " (anonymous access: only containers with public read access can be read so)";
            }
            return SourceException.fromStatus(url, offset, b.getStatusCode(), code, null, detail, e);
        }
        if (e instanceof ClientAuthenticationException) {
            return new SourceException(SourceException.Reason.ACCESS_DENIED, url, offset, 0, null,
                    "no Azure credentials: " + firstLine(e.getMessage()) + " (set " + AzureSettings.SAS_TOKEN + ", "
                            + AzureSettings.CONNECTION_STRING + " or " + AzureSettings.ACCOUNT_KEY + ", sign in with"
                            + " the Azure CLI, or for a public container set " + AzureSettings.ANONYMOUS + ")", e);
        }
        if (e instanceof IllegalStateException || e instanceof IllegalArgumentException) {
            return new SourceException(SourceException.Reason.REJECTED, url, offset, 0, null,
                    firstLine(e.getMessage()), e);
        }
        return SourceException.fromIoFailure(url, offset, e);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
