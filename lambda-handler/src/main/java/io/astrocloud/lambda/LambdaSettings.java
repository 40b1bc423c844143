package io.astrocloud.lambda;

import io.astrocloud.lambda.log.LogSettings;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What the deployed function reads from its environment (template.yaml sets it). Credentials and
 * region come from the Lambda environment through the AWS SDK; endpoints for LocalStack or
 * another emulator from the SDK's own {@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_S3} and
 * {@code AWS_ENDPOINT_URL_DYNAMODB}.
 *
 * @param tableName   the index table ({@value #TABLE_ENV}, required)
 * @param s3PathStyle path-style S3 requests ({@value #PATH_STYLE_ENV}=true; for emulators)
 * @param bucketName  the bucket the stack indexes ({@value #BUCKET_ENV}), or null: SnapStart's priming
 *                    reads a missing key there, the one bucket the function may read
 */
public record LambdaSettings(String tableName, boolean s3PathStyle, String bucketName) {
    /** The index table's name. */
    public static final String TABLE_ENV = "INDEX_TABLE";
    /** "true" for path-style S3 requests (S3Proxy, MinIO, LocalStack without its DNS). */
    public static final String PATH_STYLE_ENV = "ASTROCLOUD_S3_PATH_STYLE";
    /** The stack's bucket (template.yaml sets it from the BucketName parameter). */
    public static final String BUCKET_ENV = "INDEX_BUCKET";
    /** Set by Lambda: the function's name (the dimension of its metrics). */
    public static final String FUNCTION_NAME_ENV = "AWS_LAMBDA_FUNCTION_NAME";
    /** Variables the function fails without. */
    public static final List<String> REQUIRED = List.of(TABLE_ENV);
    /**
     * Variables with a default; Lambda itself sets the function's name, and the log format and level
     * from its {@code LoggingConfig} ({@link LogSettings}).
     */
    public static final List<String> OPTIONAL = List.of(PATH_STYLE_ENV, BUCKET_ENV, FUNCTION_NAME_ENV,
            LogSettings.FORMAT_ENV, LogSettings.LEVEL_ENV);

    /** Reads the settings from {@code env} (for example {@code System::getenv}). */
    public static LambdaSettings from(UnaryOperator<String> env) {
        String table = env.apply(TABLE_ENV);
        if (table == null || table.isBlank()) {
            throw new IllegalStateException("environment variable " + TABLE_ENV + " (the index table) is not set");
        }
        String bucket = env.apply(BUCKET_ENV);
        return new LambdaSettings(table, Boolean.parseBoolean(env.apply(PATH_STYLE_ENV)),
                bucket == null || bucket.isBlank() ? null : bucket);
    }

    /** The settings of this process. */
    public static LambdaSettings fromEnvironment() {
        return from(System::getenv);
    }
}
