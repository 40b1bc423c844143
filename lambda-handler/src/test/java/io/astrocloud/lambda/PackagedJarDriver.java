package io.astrocloud.lambda;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.util.List;

/**
 * Run by {@link PackagedJarIT} in a JVM whose class path is the deployable jar (plus this class):
 * invokes the deployed handler, built from the environment as Lambda would build it, on one S3
 * notification given on the command line (bucket, URL-encoded key, size, ETag, sequencer); with a
 * sixth argument {@code prime}, first runs the SnapStart priming the handler registered, as Lambda's
 * runtime does before it takes the snapshot.
 */
public final class PackagedJarDriver {
    private PackagedJarDriver() {
    }

    /**
     * Loads the four handlers with their event types (so that a class the package lacks fails
     * here), then invokes {@link S3EventHandler} and prints what it returns.
     */
    public static void main(String[] args) throws ClassNotFoundException {
        for (String handler : new String[] {"S3EventHandler", "SqsEventHandler", "BatchOperationsHandler",
            "EventBridgeHandler"}) {
            for (java.lang.reflect.Method m : Class.forName("io.astrocloud.lambda." + handler).getMethods()) {
                m.getParameterTypes();
                m.getReturnType();
            }
        }
        S3EventHandler handler = new S3EventHandler();
        if (args.length > 5 && args[5].equals("prime")) {
            for (SnapStartPriming p : SnapStartPriming.registered()) {
                p.beforeCheckpoint(null);
            }
        }
        S3EventNotification.S3ObjectEntity object = new S3EventNotification.S3ObjectEntity(args[1],
                Long.parseLong(args[2]), args[3], null, args[4]);
        S3EventNotification.S3BucketEntity bucket = new S3EventNotification.S3BucketEntity(args[0],
                new S3EventNotification.UserIdentityEntity("A3NL1KOZZKExample"), "arn:aws:s3:::" + args[0]);
        S3EventNotification.S3EventNotificationRecord record = new S3EventNotification.S3EventNotificationRecord(
                "us-east-1", "ObjectCreated:Put", "aws:s3", "2026-11-24T10:15:30.123Z", "2.1", null, null,
                new S3EventNotification.S3Entity("FitsCreated", bucket, object, "1.0"),
                new S3EventNotification.UserIdentityEntity("AWS:AIDAEXAMPLE"));
        System.out.println("handler returned: " + handler.handleRequest(new S3Event(List.of(record)), null));
    }
}
