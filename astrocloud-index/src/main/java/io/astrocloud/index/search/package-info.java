/**
 * Search over what was indexed: one {@link io.astrocloud.index.search.SearchQuery} (a cone on the
 * sky, a time interval, names, product types, exposure), one {@link
 * io.astrocloud.index.search.SearchService} with the same filters and results on every back end
 * (the DynamoDB table the indexer fills, a catalog file of JSON lines), giving one
 * {@link io.astrocloud.index.search.SearchHit} per matching HDU with its ObsCore row.
 */
package io.astrocloud.index.search;
