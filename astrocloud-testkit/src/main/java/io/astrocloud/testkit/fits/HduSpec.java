package io.astrocloud.testkit.fits;

/**
 * One HDU to generate: its header text (ending with END, padded to blocks) and the size of its
 * data segment in bytes before padding. Data is written as zeros, sparse where the file system
 * allows, so a 44 GB cube costs a few KB of disk.
 *
 * @param header   header bytes, a whole number of 2880-byte blocks
 * @param dataSize data bytes before padding to 2880
 */
public record HduSpec(byte[] header, long dataSize) {
    /** The padded size of the data segment. */
    public long paddedDataSize() {
        return (dataSize + HeaderText.BLOCK - 1) / HeaderText.BLOCK * HeaderText.BLOCK;
    }
}
