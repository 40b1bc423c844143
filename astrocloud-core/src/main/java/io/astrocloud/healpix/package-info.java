/**
 * HEALPix in the NESTED scheme: sky cells for indexing and searching footprints.
 *
 * <p>No HEALPix library is published on Maven Central (CDS's cds-healpix-java and the Healpix Java
 * library are not served there), so the few functions the index needs are written here. They follow
 * Górski et al. 2005, "HEALPix: a framework for high-resolution discretization and fast analysis of
 * data distributed on the sphere", ApJ 622, 759, and use its words: the 12 base pixels (faces), the
 * resolution nside = 2<sup>order</sup> (order is also called depth), the NESTED numbering of the
 * cells, 64-bit indices up to order 29.
 *
 * <ul>
 *   <li>{@link io.astrocloud.healpix.Healpix}: one order of the grid — {@code ang2pix}, {@code vec2pix},
 *       {@code pix2ang}, {@code pix2vec}, {@code boundaries}, {@code neighbours}; the same cell numbers
 *       as healpy, operation for operation after HEALPix C++ 3.80 (which healpy wraps).</li>
 *   <li>{@link io.astrocloud.healpix.Coverage}: the cells that overlap a circle (cone) or a convex
 *       spherical polygon, inclusive, by the hierarchical descent with a safety distance of
 *       Reinecke &amp; Hivon (HEALPix C++ {@code query_disc_inclusive} and
 *       {@code query_polygon_inclusive}; healpy's {@code query_disc} and {@code query_polygon} with
 *       {@code inclusive=True, nest=True} and its {@code fact}).</li>
 *   <li>{@link io.astrocloud.healpix.Moc}: the result as sorted, merged ranges of nested indices, the
 *       range form of an IVOA MOC 2.0; as cells of one order, as the largest multi-order cells, or
 *       split by coarse cells for an index keyed by a coarse cell and a fine index.</li>
 *   <li>{@link io.astrocloud.healpix.SkyRegion}: the exact geometry the search checks candidates
 *       with — point in region, distance to a region, whether a footprint overlaps a circle.</li>
 * </ul>
 */
package io.astrocloud.healpix;
