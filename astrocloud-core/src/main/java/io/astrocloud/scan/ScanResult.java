package io.astrocloud.scan;

import io.astrocloud.fits.Hdu;
import io.astrocloud.source.ObjectInfo;
import io.astrocloud.source.ObjectRef;
import io.astrocloud.source.TransferStats;
import java.util.List;

/**
 * The outcome of walking one object in a scan: its HDUs, or the error that stopped it (with the
 * HDUs read before the error). A failed object never stops the others.
 *
 * @param object   the object
 * @param hdus     the HDUs read
 * @param info     size and ETag as the store reported them
 * @param stats    requests and bytes spent on this object
 * @param warnings what the walk tolerated
 * @param error    why the walk stopped early, or null
 */
public record ScanResult(ObjectRef object, List<Hdu> hdus, ObjectInfo info, TransferStats stats,
                         List<String> warnings, Exception error) {
    /** True when the whole object was walked. */
    public boolean ok() {
        return error == null;
    }
}
