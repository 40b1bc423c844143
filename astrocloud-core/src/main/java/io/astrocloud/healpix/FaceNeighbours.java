package io.astrocloud.healpix;

/**
 * The eight cells around a cell, across the edges and corners of the base pixels (faces) where
 * needed: which face lies across, and how its x and y axes turn (HEALPix C++'s neighbour tables).
 */
final class FaceNeighbours {
    /** Steps to the neighbours in the order SW, W, NW, N, NE, E, SE, S. */
    private static final int[] NB_X = {-1, -1, 0, 1, 1, 1, 0, -1};
    private static final int[] NB_Y = {0, 1, 1, 1, 0, -1, -1, -1};
    /** The face across an edge or corner: [direction of the step][face]; -1 where there is none. */
    private static final int[][] NB_FACE = {
        {8, 9, 10, 11, -1, -1, -1, -1, 10, 11, 8, 9},  // S
        {5, 6, 7, 4, 8, 9, 10, 11, 9, 10, 11, 8},      // SE
        {-1, -1, -1, -1, 5, 6, 7, 4, -1, -1, -1, -1},  // E
        {4, 5, 6, 7, 11, 8, 9, 10, 11, 8, 9, 10},      // SW
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11},        // the same face
        {1, 2, 3, 0, 0, 1, 2, 3, 5, 6, 7, 4},          // NE
        {-1, -1, -1, -1, 7, 4, 5, 6, -1, -1, -1, -1},  // W
        {3, 0, 1, 2, 3, 0, 1, 2, 4, 5, 6, 7},          // NW
        {2, 3, 0, 1, -1, -1, -1, -1, 0, 1, 2, 3}};     // N
    /** How x and y turn on the face across: bit 1 mirrors x, bit 2 mirrors y, bit 4 swaps them. */
    private static final int[][] NB_SWAP = {
        {0, 0, 3}, {0, 0, 6}, {0, 0, 0}, {0, 0, 5}, {0, 0, 0}, {5, 0, 0}, {0, 0, 0}, {6, 0, 0}, {3, 0, 0}};

    private FaceNeighbours() {
    }

    /** The neighbours SW, W, NW, N, NE, E, SE, S of a cell at an order, -1 where there is none. */
    static long[] of(FaceXy cell, int order) {
        long nside = 1L << order;
        long[] result = new long[8];
        for (int i = 0; i < 8; i++) {
            long x = cell.ix() + NB_X[i];
            long y = cell.iy() + NB_Y[i];
            int direction = 4;
            if (x < 0) {
                x += nside;
                direction -= 1;
            } else if (x >= nside) {
                x -= nside;
                direction += 1;
            }
            if (y < 0) {
                y += nside;
                direction -= 3;
            } else if (y >= nside) {
                y -= nside;
                direction += 3;
            }
            int face = NB_FACE[direction][cell.face()];
            if (face < 0) {
                result[i] = -1;
                continue;
            }
            int turn = NB_SWAP[direction][cell.face() >> 2];
            if ((turn & 1) != 0) {
                x = nside - x - 1;
            }
            if ((turn & 2) != 0) {
                y = nside - y - 1;
            }
            if ((turn & 4) != 0) {
                long swap = x;
                x = y;
                y = swap;
            }
            result[i] = FaceXy.nested(x, y, face, order);
        }
        return result;
    }
}
