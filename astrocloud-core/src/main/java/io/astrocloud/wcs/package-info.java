/**
 * FITS world coordinates of the celestial axes, from a header's keywords alone: pixel to ICRS
 * and back, the footprint of a pixel grid, its pixel scale.
 *
 * <p>Written here because no Java FITS WCS library is on Maven Central (wcslib, astropy.wcs and
 * AST are C and Python; jsky and SkyView's are not published there). It follows the FITS WCS
 * papers and uses their words: Paper I (Greisen &amp; Calabretta 2002, A&amp;A 395, 1061) for pixel
 * coordinates, CRPIXj, PCi_j, CDELTi, CDi_j and intermediate world coordinates; Paper II
 * (Calabretta &amp; Greisen 2002, A&amp;A 395, 1077) for projections, native spherical coordinates,
 * the spherical rotation to celestial coordinates (LONPOLE, LATPOLE) and the reference systems
 * (RADESYS, EQUINOX); Paper III (Greisen et al. 2006, A&amp;A 446, 747) only so far as spectral axes
 * beside the celestial ones are recognised and left alone; and Shupe et al. (2005, ASP Conf. Ser.
 * 347, 491) for SIP distortion. Where the papers leave a choice open it does what wcslib 7.12
 * (through astropy 5.2.1's {@code astropy.wcs}) does, and the tests hold it to astropy's numbers.
 *
 * <p>Implemented: CD; PC with CDELT; AIPS' CROTA2; the projections TAN, SIN (with PVi_1, PVi_2:
 * slant orthographic, and AIPS' NCP), ARC, ZEA, STG, ZPN (PVi_0..PVi_29), CAR, MOL and AIT, with
 * their native fiducial points and PVi_0..4 of the longitude axis; the celestial pole of Paper II
 * section 2.4, where LATPOLE chooses between two solutions; TAN-SIP (A/B, with AP/BP as a start
 * for the reverse direction); celestial axes on any two axes of an N-dimensional header (cubes,
 * random groups, WCSAXES); CUNIT in angle units; RA/DEC without a projection code as linear axes;
 * the frames ICRS, FK5 of any equinox (IAU 2006 precession to J2000, then the frame bias), FK4
 * and FK4-NO-E (with E-terms, Newcomb's precession, Murray's FK4 to FK5 matrix), galactic, and
 * the barycentric mean ecliptic of a Julian equinox, all turned into ICRS as astropy turns them.
 *
 * <p>Not read: alternate descriptions ({@code CTYPEna}; only the primary one is); other
 * projections (AZP, SZP, CEA, conics, HEALPix, ...), TPV/SCAMP distortion, lookup-table
 * distortions (CPDISj, D2IMDISj), tabular axes; helioprojective, heliographic and terrestrial
 * coordinates, which are not places on the sky. Such a header gives {@link
 * io.astrocloud.wcs.WcsResult.Absent} with the reason, never a guess and never an exception.
 *
 * <p>Entry point: {@link io.astrocloud.wcs.CelestialWcs#read(io.astrocloud.wcs.WcsKeywords)}.
 */
package io.astrocloud.wcs;
