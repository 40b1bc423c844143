package io.astrocloud.lambda;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.time.Instant;
import java.util.List;

/**
 * One cold start, run by {@link ColdStartBenchIT} in a fresh JVM whose class path is the deployable
 * jar: builds the deployed handler from the environment (Lambda's init phase), optionally runs the
 * SnapStart priming it registered, then handles two S3 events, and prints the timeline as one line of
 * JSON. Arguments: mode ({@code plain} or {@code primed}), bucket, then for each of two objects its
 * URL-encoded key, size, ETag and sequencer.
 */
public final class ColdStartDriver {
    private ColdStartDriver() {
    }

    public static void main(String[] args) throws Exception {
        long main = System.currentTimeMillis();
        long jvmStart = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(main);
        S3EventHandler handler = new S3EventHandler();
        long init = System.currentTimeMillis();
        if (args[0].equals("primed")) {
            for (SnapStartPriming p : SnapStartPriming.registered()) {
                p.beforeCheckpoint(null);
            }
        }
        long restored = System.currentTimeMillis();
        String first = handler.handleRequest(event(args, 2), null);
        long firstDone = System.currentTimeMillis();
        String second = handler.handleRequest(event(args, 6), null);
        long secondDone = System.currentTimeMillis();
        System.out.printf("COLDSTART {\"mode\":\"%s\",\"java\":\"%s\",\"jvmToMain\":%d,\"init\":%d,\"priming\":%d,"
                        + "\"firstEvent\":%d,\"secondEvent\":%d,\"jvmStartToFirstEventDone\":%d,"
                        + "\"results\":[\"%s\",\"%s\"]}%n",
                args[0], Runtime.version().feature(), main - jvmStart, init - main, restored - init,
                firstDone - restored, secondDone - firstDone, firstDone - jvmStart, first, second);
    }

    private static S3Event event(String[] args, int at) {
        S3EventNotification.S3ObjectEntity object = new S3EventNotification.S3ObjectEntity(args[at],
                Long.parseLong(args[at + 1]), args[at + 2], null, args[at + 3]);
        S3EventNotification.S3BucketEntity bucket = new S3EventNotification.S3BucketEntity(args[1],
                new S3EventNotification.UserIdentityEntity("A3NL1KOZZKExample"), "arn:aws:s3:::" + args[1]);
        return new S3Event(List.of(new S3EventNotification.S3EventNotificationRecord("us-east-1", "ObjectCreated:Put",
                "aws:s3", "2026-12-02T10:15:30.123Z", "2.1", null, null,
                new S3EventNotification.S3Entity("FitsCreated", bucket, object, "1.0"),
                new S3EventNotification.UserIdentityEntity("AWS:AIDAEXAMPLE"))));
    }
}
