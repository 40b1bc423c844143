package io.astrocloud.samples.invoke;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import io.astrocloud.testkit.lambda.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Invokes a Lambda handler with an event file as {@code sam local invoke -e FILE} or
 * {@code aws lambda invoke --payload file://FILE} would, without SAM, Docker or an account: the
 * handler named as template.yaml names it ({@code io.astrocloud.lambda.S3EventHandler::handleRequest})
 * is created with its no-argument constructor (so it configures itself from the environment, as
 * deployed), the JSON is deserialized into its event type by the serializers the Lambda Java
 * runtime uses, and the result is serialized back to JSON.
 *
 * <pre>
 * INDEX_TABLE=... AWS_ENDPOINT_URL=... java -cp ... io.astrocloud.samples.invoke.LocalInvoke \
 *     io.astrocloud.lambda.S3EventHandler::handleRequest samples/events/s3-put.json
 * </pre>
 * The function's log goes to stderr, the result to stdout; a handler's exception becomes
 * Lambda's error document ({@code errorMessage}, {@code errorType}) and exit status 1.
 */
public final class LocalInvoke {
    /** The deployed functions' timeout (template.yaml). */
    public static final Duration TIMEOUT = Duration.ofSeconds(120);

    private LocalInvoke() {
    }

    /**
     * Deserializes {@code eventJson} into {@code handler}'s event type, calls it, and returns its
     * result as JSON. Exceptions of the handler pass through.
     */
    public static String invoke(RequestHandler<?, ?> handler, String eventJson, Context context) {
        return call(handler, eventJson, context);
    }

    @SuppressWarnings("unchecked")
    private static <I, O> String call(RequestHandler<I, O> handler, String eventJson, Context context) {
        Type[] types = handlerTypes(handler.getClass());
        PojoSerializer<I> in = LambdaSerialization.forType((Class<I>) types[0]);
        PojoSerializer<O> out = LambdaSerialization.forType((Class<O>) types[1]);
        I event = in.fromJson(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)));
        O result = handler.handleRequest(event, context);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        out.toJson(result, json);
        return json.toString(StandardCharsets.UTF_8);
    }

    /**
     * A handler as template.yaml's {@code Handler} names it ({@code class} or
     * {@code class::handleRequest}), created as Lambda creates it: by its public no-argument
     * constructor.
     */
    public static RequestHandler<?, ?> handler(String name) throws ReflectiveOperationException {
        String className = name.contains("::") ? name.substring(0, name.indexOf("::")) : name;
        Object handler = Class.forName(className).getConstructor().newInstance();
        if (!(handler instanceof RequestHandler)) {
            throw new IllegalArgumentException(className + " is not a RequestHandler");
        }
        return (RequestHandler<?, ?>) handler;
    }

    /** The event and result types of {@code RequestHandler<I, O>} as {@code type} implements it. */
    static Type[] handlerTypes(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    return p.getActualTypeArguments();
                }
            }
        }
        throw new IllegalArgumentException(type.getName() + " does not implement RequestHandler<I, O> with concrete types");
    }

    /** The Lambda error document for an exception a handler threw. */
    static String errorDocument(Throwable e) {
        return "{\"errorMessage\":" + jsonString(String.valueOf(e.getMessage())) + ",\"errorType\":"
                + jsonString(e.getClass().getName()) + "}";
    }

    private static String jsonString(String s) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        LambdaSerialization.forType(String.class).toJson(s, json);
        return json.toString(StandardCharsets.UTF_8);
    }

    /** {@code LocalInvoke HANDLER EVENT_FILE}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: LocalInvoke HANDLER EVENT_FILE   (HANDLER as in template.yaml, e.g. "
                    + "io.astrocloud.lambda.S3EventHandler::handleRequest)");
            System.exit(2);
        }
        String event = Files.readString(Path.of(args[1]));
        RequestHandler<?, ?> handler;
        try {
            handler = handler(args[0]);
        } catch (InvocationTargetException e) {
            // The handler's constructor failed (its configuration): Lambda reports an init error.
            System.out.println(errorDocument(e.getCause()));
            System.exit(1);
            return;
        }
        Context context = new LocalContext(handler.getClass().getSimpleName(), TIMEOUT, System.err::println);
        try {
            System.out.println(invoke(handler, event, context));
        } catch (RuntimeException e) {
            System.out.println(errorDocument(e));
            System.exit(1);
        }
    }
}
