/**
 * Each HDU described from its header alone in IVOA ObsCore 1.1 terms: {@link
 * io.astrocloud.describe.ObsCoreMapper#describe} gives an {@link io.astrocloud.describe.ObsCore}
 * row, the one description the command line, the Camel converters and the index share. Every
 * column has a value in ObsCore units (degrees, MJD, seconds, metres) or a reason under
 * {@code "why"}; nothing is guessed. The sky columns ({@code s_ra}, {@code s_dec}, {@code s_fov},
 * {@code s_region}, {@code s_resolution}, {@code s_pixel_scale}) come from the celestial WCS as
 * {@link io.astrocloud.describe.SkyColumns}, read by {@link io.astrocloud.describe.SkyDescription}:
 * centre and diameter of the smallest circle around the footprint, the footprint's four outer
 * corners (pixel edges 0.5 and NAXISn + 0.5) as an STC-S polygon, the pixel scale at the reference
 * point, and the radio beam (BMAJ) as the resolution.
 *
 * <h2>Which header</h2>
 * A tile-compressed image is read through its image view ({@link
 * io.astrocloud.fits.CompressedImageHeader}): its axes are the image's. An extension inherits from
 * the primary header the observation keywords it lacks (TELESCOP, INSTRUME, OBJECT, TARGNAME,
 * OBS_ID, ROOTNAME, the DATE-, MJD-, TIME-, EXP-, TSTART/TSTOP and reference-time keywords,
 * TIMESYS, TIMEUNIT, TIMEZERO, TIMEOFFS, XPOSURE, EXPOSURE, EXPTIME, TELAPSE, WAVELMIN, WAVELMAX,
 * SPEC_RES), with INHERIT = T or without INHERIT; never structure, WCS, EXTNAME, HDUCLASn or
 * TIMEDEL, which describe one HDU's data. INHERIT = F is obeyed, and the reason then says what the
 * primary header had. (FITS header inheritance convention; HST and NOAO write these keywords in
 * the primary header only.)
 *
 * <h2>Columns</h2>
 * <ul>
 * <li>{@code dataproduct_type}, {@code s_xel1}, {@code s_xel2}, {@code t_xel}, {@code em_xel},
 *     {@code pol_xel}, {@code pol_states}: from the axes' CTYPEs and the table's kind; rules in
 *     {@code ProductType}. Random groups are visibility; images without data (NAXIS = 0 or an axis
 *     of length 0) and axes of a type not in the FITS WCS papers have none; event lists
 *     (HDUCLAS1 or EXTNAME EVENTS), light curves (HDUCLAS1 LIGHTCURVE, EXTNAME LIGHTCURVE or RATE
 *     with a TIME column), OGIP spectra and UU/VV visibility tables are recognised; other tables
 *     are not described.</li>
 * <li>{@code t_min}, {@code t_max}, {@code t_exptime}, {@code t_resolution}, {@code t_scale}:
 *     start from MJD-BEG, DATE-BEG, TSTART (+ reference, TIMEUNIT), EXPSTART, DATE-OBS
 *     (+ TIME-OBS), MJD-OBS, in that order; stop from the same family, else MJD-END, DATE-END
 *     (+ TIME-END), TSTOP, EXPEND, else start + TELAPSE, else start + exposure (not from a date
 *     without a time of day); exposure from XPOSURE, EXPOSURE, EXPTIME; TIMEDEL as the
 *     resolution. Values stay in the header's time scale (TIMESYS, default UTC), recorded in
 *     {@code t_scale}; rules in {@code TimeColumns}. Agreement with astropy.time: 1 ms, except
 *     on the 27 UTC days that end with a leap second (up to 1 s; see {@code FitsDates}).</li>
 * <li>{@code em_min}, {@code em_max}, {@code em_res_power}: vacuum wavelengths at the outer pixel
 *     edges of a linear WAVE, AWAV, FREQ, ENER or WAVN axis, else ESO's WAVELMIN/WAVELMAX (nm);
 *     SPEC_RES; rules in {@code SpectralRange}.</li>
 * <li>{@code target_name}: OBJECT, else TARGNAME; {@code instrument_name}: INSTRUME;
 *     {@code facility_name}: TELESCOP; blank values count as absent. {@code obs_id}: OBS_ID,
 *     else ROOTNAME, else the file name without .fits/.fit/.fts and .gz/.fz/.bz2.
 *     {@code access_url}: the object's URL without query, fragment or user information;
 *     {@code access_format}: application/fits; {@code access_estsize}: the object's size as the
 *     walk learnt it from the store, in kbyte (1000 bytes, rounded up), absent when the store did
 *     not report it or when only cards are described ({@link io.astrocloud.describe.ObsCoreRows}
 *     describes a walk with it).</li>
 * <li>Never in a header, so always absent with their reason: {@code calib_level},
 *     {@code obs_collection}, {@code obs_publisher_did}, {@code o_ucd}.</li>
 * </ul>
 */
package io.astrocloud.describe;
