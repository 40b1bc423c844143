package io.astrocloud.samples.invoke;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

/**
 * How the Lambda Java runtime turns JSON into a handler's argument and its result back into
 * JSON: the event types it knows ({@code S3Event}, {@code SQSEvent}, {@code ScheduledEvent}, ...)
 * through aws-lambda-java-serialization's {@link LambdaEventSerializers}, which knows their JSON
 * field names and Joda dates; any other type (a String, {@code S3BatchEventV2},
 * {@code SQSBatchResponse}) through the same library's Jackson factory.
 */
final class LambdaSerialization {
    private LambdaSerialization() {
    }

    /** The serializer the runtime uses for {@code type}. */
    static <T> PojoSerializer<T> forType(Class<T> type) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return LambdaEventSerializers.serializerFor(type, type.getClassLoader());
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }
}
