package io.astrocloud.describe;

import io.astrocloud.fits.Hdu;
import io.astrocloud.source.ObjectInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The ObsCore rows of one walked object: each HDU described by {@link ObsCoreMapper} on first ask,
 * once, and kept. Describing is left to the caller that needs it (a JSON document, a summary line,
 * a Camel converter), so a walk that only wants offsets or cards never pays for it.
 *
 * <p>The description belongs to the walk rather than to {@link Hdu} because an HDU's row depends on
 * its file as well as on its own header: an extension inherits the primary header's observation
 * keywords, and {@code access_estsize} is the object's size, which the store reported to the walk.
 * The walk's result is the first place where all three are known; it also keeps the FITS layer
 * ({@code io.astrocloud.fits}) free of ObsCore, which sits above it. Safe for use by several
 * threads (a row computed twice at once is the same row).
 */
public final class ObsCoreRows {
    private final List<Hdu> hdus;
    private final ObjectInfo object;
    private final AtomicReferenceArray<ObsCore> rows;

    private ObsCoreRows(List<Hdu> hdus, ObjectInfo object) {
        this.hdus = hdus;
        this.object = object;
        this.rows = new AtomicReferenceArray<>(hdus.size());
    }

    /**
     * The rows of a walk's HDUs.
     *
     * @param hdus   the HDUs in file order, starting with the primary (a walk that failed part way
     *               gives those read before the error)
     * @param object what the store reported of the object (its size gives {@code access_estsize})
     * @throws IllegalArgumentException when the first HDU is not the primary
     */
    public static ObsCoreRows of(List<Hdu> hdus, ObjectInfo object) {
        List<Hdu> list = List.copyOf(hdus);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).index() != i) {
                throw new IllegalArgumentException("the HDUs of one walk, in file order from the primary, are needed:"
                        + " item " + i + " is HDU " + list.get(i).index());
            }
        }
        return new ObsCoreRows(list, object);
    }

    /** The HDUs described. */
    public List<Hdu> hdus() {
        return hdus;
    }

    /** True when {@code hdu} is one of these HDUs (the same object, not an equal one). */
    public boolean holds(Hdu hdu) {
        return hdu.index() < hdus.size() && hdus.get(hdu.index()) == hdu;
    }

    /** The row of HDU {@code index}. */
    public ObsCore row(int index) {
        ObsCore row = rows.get(index);
        if (row == null) {
            row = ObsCoreMapper.describe(hdus.get(index), hdus.get(0), object);
            rows.compareAndSet(index, null, row);
        }
        return row;
    }

    /**
     * The row of {@code hdu}, one of these HDUs.
     *
     * @throws IllegalArgumentException when it is not ({@link #holds})
     */
    public ObsCore row(Hdu hdu) {
        if (!holds(hdu)) {
            throw new IllegalArgumentException("HDU " + hdu.index() + " is not one of this walk's HDUs");
        }
        return row(hdu.index());
    }

    /** Every row, in HDU order. */
    public List<ObsCore> all() {
        List<ObsCore> all = new ArrayList<>(hdus.size());
        for (int i = 0; i < hdus.size(); i++) {
            all.add(row(i));
        }
        return all;
    }
}
