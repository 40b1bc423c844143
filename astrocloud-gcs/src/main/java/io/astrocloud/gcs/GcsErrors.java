package io.astrocloud.gcs;

import com.google.auth.Retryable;
import com.google.cloud.BaseServiceException;
import io.astrocloud.source.SourceException;

/** Turns what the Cloud Storage client throws into {@link SourceException}s with the object's URL and offset. */
final class GcsErrors {
    private GcsErrors() {
    }

    /**
     * The failure {@code e} stands for: the JSON API's status and error reason when it answered
     * ({@code notFound}, {@code conditionNotMet}, {@code rateLimitExceeded}, ...), anything else
     * (connection, timeout, body cut short) by the core rules.
     */
    static SourceException mapped(Throwable e, String url, long offset, boolean payingProject) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SourceException) {
                return (SourceException) t;
            }
            if (t instanceof Retryable) {
                // google-auth's failures to get an access token (GoogleAuthException is not public).
                return new SourceException(((Retryable) t).isRetryable() ? SourceException.Reason.TRANSIENT
                        : SourceException.Reason.ACCESS_DENIED, url, offset, 0, null,
                        "no access token from the application default credentials: " + firstLine(t.getMessage()), e);
            }
            if (t instanceof BaseServiceException && ((BaseServiceException) t).getCode() > 0) {
                BaseServiceException s = (BaseServiceException) t;
                String detail = (s.getReason() == null ? "" : s.getReason() + " - ") + firstLine(s.getMessage())
                        + hint(s, payingProject);
                return SourceException.fromStatus(url, offset, s.getCode(), s.getReason(), null, detail, e);
            }
        }
        return SourceException.fromIoFailure(url, offset, e);
    }

    private static String hint(BaseServiceException s, boolean payingProject) {
        String message = String.valueOf(s.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (s.getCode() == 400 && message.contains("requester pays") && !payingProject) {
            return " (to pay for requests to a requester-pays bucket, set " + GcsSettings.USER_PROJECT
                    + " / --gcs-user-project)";
        }
        if (s.getCode() == 401) {
            return " (no credentials were sent: set up application default credentials, e.g."
                    + " GOOGLE_APPLICATION_CREDENTIALS or gcloud auth application-default login)";
        }
        return "";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
