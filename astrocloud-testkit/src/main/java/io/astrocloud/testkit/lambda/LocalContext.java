package io.astrocloud.testkit.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A Lambda {@link Context} for invoking handlers outside Lambda (tests, local runs), standing in
 * for the runtime's, which cannot run here: a fresh request id, the function's name, its timeout
 * counting down, and a logger that hands each line to {@code log} (the function's CloudWatch log,
 * locally). aws-lambda-java-core is an optional dependency of the test kit: a module that uses
 * this class has it already, as any module with Lambda handlers does.
 */
public final class LocalContext implements Context {
    private final String functionName;
    private final String requestId = UUID.randomUUID().toString();
    private final long deadline;
    private final LambdaLogger logger;

    /**
     * @param functionName as template.yaml names the function
     * @param timeout      the function's timeout (template.yaml: 120 s)
     * @param log          receives every line the function logs
     */
    public LocalContext(String functionName, Duration timeout, Consumer<String> log) {
        this.functionName = functionName;
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                log.accept(message);
            }

            @Override
            public void log(byte[] message) {
                log.accept(new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:local:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
