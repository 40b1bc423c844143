package io.astrocloud.index.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Answers a {@link SearchQuery} from one back end (the DynamoDB index, a catalog file). Every back
 * end applies the same filters and gives the same hits for the same HDUs; hits are sorted by
 * distance when the query has a cone, else by URL and HDU index; at most
 * {@link SearchQuery#maxRecords()} are returned.
 */
public interface SearchService extends Closeable {
    /** The hits for {@code query}. */
    List<SearchHit> search(SearchQuery query) throws IOException;

    /** Releases what the back end holds (clients it built, open files). */
    @Override
    default void close() throws IOException {
    }
}
