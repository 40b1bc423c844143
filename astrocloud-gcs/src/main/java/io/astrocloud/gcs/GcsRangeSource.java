package io.astrocloud.gcs;

import com.google.cloud.ReadChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import io.astrocloud.source.FetchedRange;
import io.astrocloud.source.ObjectInfo;
import io.astrocloud.source.ObjectStream;
import io.astrocloud.source.RangeRequest;
import io.astrocloud.source.RangeSource;
import io.astrocloud.source.SdkBody;
import io.astrocloud.source.SourceException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ranged reads of one Cloud Storage object with google-cloud-storage: the object's resource once
 * (size, generation), then media downloads with a Range and {@code ifGenerationMatch}, so that an
 * object replaced mid-walk fails with {@link SourceException.Reason#CHANGED} (412). The ETag this
 * source reports is the object's generation, quoted: it changes exactly when the content does
 * (GCS's own etag also changes with metadata), and an If-Match with it becomes
 * {@code ifGenerationMatch}. The client exposes no response headers of a ranged read, hence the
 * one extra request for the resource per source.
 */
final class GcsRangeSource implements RangeSource {
    private final Storage storage;
    private final BlobId id;
    private final String url;
    private final String userProject;
    private volatile Blob resource;

    /**
     * @param storage     the client (shared; not closed here)
     * @param id          bucket and object name
     * @param url         the object's URL, for messages
     * @param userProject the project billed for requester-pays buckets, or null
     */
    GcsRangeSource(Storage storage, BlobId id, String url, String userProject) {
        this.storage = storage;
        this.id = id;
        this.url = url;
        this.userProject = userProject;
    }

    /** The ETag this store's sources report for an object generation. */
    static String etagOf(long generation) {
        return "\"" + generation + "\"";
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public FetchedRange read(RangeRequest r) throws IOException {
        Blob object = resource(r.offset());
        if (r.offset() >= object.getSize()) {
            throw new SourceException(SourceException.Reason.RANGE_NOT_SATISFIABLE, url, r.offset(),
                    "object has " + object.getSize() + " bytes");
        }
        int want = (int) Math.min(r.length(), object.getSize() - r.offset());
        ByteBuffer buffer = ByteBuffer.allocate(want);
        try (ReadChannel channel = storage.reader(id, conditions(generation(object, r.ifMatch())))) {
            channel.setChunkSize(want);
            channel.seek(r.offset());
            channel.limit(r.offset() + want);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // Reads until the range is in or the object ends.
            }
        } catch (IOException | RuntimeException e) {
            throw GcsErrors.mapped(e, url, r.offset(), userProject != null);
        }
        byte[] bytes = buffer.position() == want ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
        return new FetchedRange(r.offset(), bytes, info(object), bytes.length);
    }

    @Override
    public ObjectStream open(long offset, String ifMatch) throws IOException {
        Blob object = resource(offset);
        try {
            ReadChannel channel = storage.reader(id, conditions(generation(object, ifMatch)));
            channel.seek(offset);
            return new ObjectStream(new SdkBody(Channels.newInputStream(channel), offset,
                    (e, at) -> GcsErrors.mapped(e, url, at, userProject != null)), info(object));
        } catch (IOException | RuntimeException e) {
            throw GcsErrors.mapped(e, url, offset, userProject != null);
        }
    }

    private Blob resource(long offset) throws SourceException {
        Blob b = resource;
        if (b == null) {
            try {
                b = userProject == null ? storage.get(id)
                        : storage.get(id, Storage.BlobGetOption.userProject(userProject));
            } catch (RuntimeException e) {
                throw GcsErrors.mapped(e, url, offset, userProject != null);
            }
            if (b == null) {
                throw new SourceException(SourceException.Reason.NOT_FOUND, url, offset, 404, null,
                        "notFound - No such object: " + id.getBucket() + "/" + id.getName(), null);
            }
            resource = b;
        }
        return b;
    }

    /** The generation a read must find: the one an If-Match names, else the resource's. */
    private long generation(Blob object, String ifMatch) throws SourceException {
        if (ifMatch == null) {
            return object.getGeneration();
        }
        try {
            return Long.parseLong(ifMatch.replace("\"", "").replaceFirst("^W/", ""));
        } catch (NumberFormatException e) {
            throw new SourceException(SourceException.Reason.CHANGED, url, -1,
                    "ETag " + ifMatch + " is not a generation of this object");
        }
    }

    private Storage.BlobSourceOption[] conditions(long generation) {
        List<Storage.BlobSourceOption> options = new ArrayList<>();
        options.add(Storage.BlobSourceOption.generationMatch(generation));
        if (userProject != null) {
            options.add(Storage.BlobSourceOption.userProject(userProject));
        }
        return options.toArray(new Storage.BlobSourceOption[0]);
    }

    private static ObjectInfo info(Blob object) {
        return new ObjectInfo(object.getSize(), etagOf(object.getGeneration()));
    }
}
