package io.astrocloud.testkit.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * A misbehaviour the test server can be told to show for a request. A fault either answers the
 * request itself (and returns true) or lets the server answer normally (returns false).
 */
@FunctionalInterface
public interface Fault {
    /**
     * @param exchange the request and its response
     * @param object   the object the request names, or null if none
     * @param attempt  1 for the first request this fault has seen, 2 for the second, ...
     * @return true if the fault answered the request
     */
    boolean apply(HttpExchange exchange, StoredObject object, int attempt) throws IOException;
}
