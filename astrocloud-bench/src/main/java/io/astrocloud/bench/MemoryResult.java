package io.astrocloud.bench;

/**
 * The 44 GB cube walked again and again in a JVM limited to 64 MB of heap.
 *
 * @param maxHeap         the heap limit given to the child JVM
 * @param walks           walks done
 * @param hdus            HDUs per walk
 * @param bytesPerWalk    bytes fetched per walk
 * @param heapAfterFirst  heap in use after the first walk and a GC
 * @param heapAfterLast   heap in use after the last walk and a GC
 * @param peakHeap        the sum of the heap pools' peaks
 * @param peakRssKiB      the peak resident set (VmHWM)
 * @param error           why the probe failed, or null
 */
public record MemoryResult(String maxHeap, int walks, int hdus, long bytesPerWalk, long heapAfterFirst,
                           long heapAfterLast, long peakHeap, long peakRssKiB, String error) {
}
