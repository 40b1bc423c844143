package io.astrocloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.astrocloud.index.CfnTemplate;
import io.astrocloud.index.IndexFixture;
import io.astrocloud.index.IndexSchema;
import io.astrocloud.index.IndexTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * template.yaml, parsed with CloudFormation's short tags, checked against the code it deploys:
 * handlers that exist, environment variables the code reads, an event per suffix, policies that
 * name only this stack's bucket, table, queues and function, the table definition the code gives
 * ({@link IndexSchema#createTableRequest}). (The template's table definition itself is exercised by
 * every other test: {@link IndexFixture} creates its tables from it.)
 */
class TemplateTest {
    static final List<String> SUFFIXES = List.of(".fits", ".fit", ".fts", ".fz", ".fits.gz");
    private static CfnTemplate template;

    @BeforeAll
    static void load() throws IOException {
        template = CfnTemplate.load();
    }

    @Test
    void isASamTemplateWithTheBucketNamedByAParameter() {
        assertThat(template.root()).containsEntry("Transform", "AWS::Serverless-2016-10-31");
        assertThat(CfnTemplate.map(template.root(), "Parameters")).containsKey("BucketName");
        assertThat(template.properties("FitsBucket").get("BucketName")).isEqualTo(Map.of("Ref", "BucketName"));
    }

    @Test
    void theTableDefinitionInTheCodeIsTheTemplates() {
        assertThat(IndexSchema.createTableRequest("astrocloud-index"))
                .isEqualTo(IndexFixture.templateTableRequest("astrocloud-index"));
    }

    @Test
    void everyHandlerNamesAClassThatHandlesLambdaEvents() throws ClassNotFoundException {
        Map<String, Map<String, Object>> functions = template.resourcesOfType("AWS::Serverless::Function");
        assertThat(functions).containsOnlyKeys("IndexFunction", "QueueIndexFunction", "EventBridgeIndexFunction",
                "BatchIndexFunction");
        for (Map.Entry<String, Map<String, Object>> fn : functions.entrySet()) {
            String handler = (String) CfnTemplate.map(fn.getValue(), "Properties").get("Handler");
            assertThat(handler).as(fn.getKey()).endsWith("::handleRequest");
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertThat(RequestHandler.class).isAssignableFrom(type);
            assertThat(type.getConstructors()).anySatisfy(c -> assertThat(c.getParameterCount()).isZero());
            assertThat(CfnTemplate.map(fn.getValue(), "Metadata")).containsEntry("BuildMethod", "makefile");
        }
    }

    @Test
    void everyEnvironmentVariableTheCodeReadsIsSetOrOptional() throws IOException {
        Set<String> read = new TreeSet<>();
        Pattern getenv = Pattern.compile("getenv\\(\"([A-Z0-9_]+)\"\\)");
        Pattern constant = Pattern.compile("static final String [A-Z_]+_ENV = \"([A-Z0-9_]+)\"");
        try (Stream<Path> sources = Files.walk(CfnTemplate.repositoryRoot().resolve("lambda-handler/src/main/java"))) {
            for (Path p : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(p);
                for (Pattern pattern : List.of(getenv, constant)) {
                    Matcher m = pattern.matcher(text);
                    while (m.find()) {
                        read.add(m.group(1));
                    }
                }
            }
        }
        assertThat(read).containsAll(LambdaSettings.REQUIRED).containsAll(LambdaSettings.OPTIONAL);
        Map<String, Object> globals = CfnTemplate.map(CfnTemplate.map(template.root(), "Globals"), "Function");
        Map<String, Object> variables = CfnTemplate.map(CfnTemplate.map(globals, "Environment"), "Variables");
        Set<String> unset = new TreeSet<>(read);
        unset.removeAll(variables.keySet());
        assertThat(unset).as("read by the code, not set by the template").isSubsetOf(LambdaSettings.OPTIONAL);
        assertThat(variables).containsEntry(LambdaSettings.TABLE_ENV, Map.of("Ref", "IndexTableV2"));
        assertThat(variables.keySet()).isSubsetOf(read);
    }

    @Test
    void eachSuffixHasItsCreatedAndRemovedEventOnEveryDeliveryPath() {
        Map<String, Object> events = CfnTemplate.map(template.properties("IndexFunction"), "Events");
        Set<String> direct = new HashSet<>();
        for (Object e : events.values()) {
            Map<String, Object> props = CfnTemplate.map(e, "Properties");
            assertThat(((Map<?, ?>) e).get("Type")).isEqualTo("S3");
            assertThat(props.get("Bucket")).isEqualTo(Map.of("Ref", "FitsBucket"));
            direct.add(props.get("Events") + " " + suffix(props));
        }
        assertThat(direct).hasSize(events.size()).containsExactlyInAnyOrderElementsOf(expectedRules());

        @SuppressWarnings("unchecked")
        List<Object> ifQueue = (List<Object>) CfnTemplate.map(CfnTemplate.map(template.properties("FitsBucket"),
                "NotificationConfiguration"), "QueueConfigurations").get("Fn::If");
        assertThat(ifQueue.get(0)).isEqualTo("ViaQueue");
        Set<String> queued = new HashSet<>();
        for (Object q : (List<?>) ifQueue.get(1)) {
            queued.add(((Map<?, ?>) q).get("Event") + " " + suffix((Map<String, Object>) q));
        }
        assertThat(queued).containsExactlyInAnyOrderElementsOf(expectedRules());

        Map<String, Object> pattern = CfnTemplate.map(CfnTemplate.map(CfnTemplate.map(
                template.properties("EventBridgeIndexFunction"), "Events"), "ObjectEvents"), "Properties");
        Map<String, Object> object = CfnTemplate.map(CfnTemplate.map(CfnTemplate.map(pattern, "Pattern"), "detail"), "object");
        assertThat(CfnTemplate.list(object, "key").stream().map(k -> (String) ((Map<?, ?>) k).get("suffix")))
                .containsExactlyInAnyOrderElementsOf(SUFFIXES);
    }

    @Test
    void policiesNameOnlyThisStacksBucketTableQueuesAndFunction() {
        List<Object> resources = new ArrayList<>();
        collectPolicyResources(template.resources(), resources);
        assertThat(resources).hasSizeGreaterThanOrEqualTo(6);
        for (Object r : resources) {
            assertThat(r).as("a policy resource").isNotEqualTo("*");
            String text = r.toString();
            if (text.contains(":s3:::")) {
                assertThat(r).isInstanceOf(Map.class);
                assertThat((String) ((Map<?, ?>) r).get("Fn::Sub")).startsWith("arn:${AWS::Partition}:s3:::${BucketName}");
            } else {
                assertThat(r).isIn(Map.of("Fn::GetAtt", List.of("IndexTableV2", "Arn")),
                        Map.of("Fn::GetAtt", List.of("IndexQueue", "Arn")),
                        Map.of("Fn::GetAtt", List.of("FailedEventsQueue", "Arn")),
                        Map.of("Fn::GetAtt", List.of("EventBridgeDeadLetterQueue", "Arn")),
                        Map.of("Fn::GetAtt", List.of(functionOf(text) + "LogGroup", "Arn")),
                        Map.of("Ref", "BatchIndexFunction.Alias"));
            }
        }
        Map<String, Object> access = CfnTemplate.map(template.properties("IndexerAccessPolicy"), "PolicyDocument");
        assertThat(CfnTemplate.list(access, "Statement").stream()
                .flatMap(s -> ((List<?>) ((Map<?, ?>) s).get("Action")).stream()).map(Object::toString))
                .containsExactlyInAnyOrder("s3:GetObject", "s3:GetObjectVersion", "dynamodb:GetItem",
                        "dynamodb:PutItem", "dynamodb:BatchWriteItem", "dynamodb:Query");
        for (Map.Entry<String, Map<String, Object>> fn
                : template.resourcesOfType("AWS::Serverless::Function").entrySet()) {
            Map<String, Object> props = CfnTemplate.map(fn.getValue(), "Properties");
            assertThat(props).doesNotContainKey("Policies");
            assertThat(props.get("Role")).isEqualTo(Map.of("Fn::GetAtt", List.of(fn.getKey() + "Role", "Arn")));
            assertThat(CfnTemplate.list(template.properties(fn.getKey() + "Role"), "ManagedPolicyArns"))
                    .containsExactly(Map.of("Ref", "IndexerAccessPolicy"));
        }
    }

    @Test
    void tableIsOnDemandWithPointInTimeRecoveryAndTombstoneExpiry() {
        Map<String, Object> table = template.properties("IndexTableV2");
        assertThat(table).containsEntry("BillingMode", "PAY_PER_REQUEST");
        assertThat(CfnTemplate.map(table, "PointInTimeRecoverySpecification"))
                .containsEntry("PointInTimeRecoveryEnabled", true);
        assertThat(CfnTemplate.map(table, "TimeToLiveSpecification"))
                .containsEntry("AttributeName", IndexSchema.EXPIRES_AT).containsEntry("Enabled", true);
        assertThat(CfnTemplate.list(table, "GlobalSecondaryIndexes").stream()
                .map(g -> (String) ((Map<?, ?>) g).get("IndexName")))
                .containsExactlyInAnyOrder(IndexSchema.BY_TARGET, IndexSchema.BY_INSTRUMENT);
    }

    @Test
    void functionsArePublishedForSnapStartAndFailuresGoSomewhere() {
        Map<String, Object> globals = CfnTemplate.map(CfnTemplate.map(template.root(), "Globals"), "Function");
        assertThat(globals).containsEntry("AutoPublishAlias", "live").containsEntry("Runtime", "java25");
        assertThat(CfnTemplate.map(globals, "SnapStart")).containsEntry("ApplyOn", "PublishedVersions");
        for (String fn : List.of("IndexFunction", "EventBridgeIndexFunction")) {
            Map<String, Object> onFailure = CfnTemplate.map(CfnTemplate.map(CfnTemplate.map(
                    template.properties(fn), "EventInvokeConfig"), "DestinationConfig"), "OnFailure");
            assertThat(onFailure.get("Destination")).isEqualTo(Map.of("Fn::GetAtt", List.of("FailedEventsQueue", "Arn")));
        }
        Map<String, Object> queue = template.properties("IndexQueue");
        assertThat(CfnTemplate.map(queue, "RedrivePolicy").get("deadLetterTargetArn"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("IndexDeadLetterQueue", "Arn")));
        assertThat((Integer) queue.get("VisibilityTimeout")).isGreaterThanOrEqualTo(6 * (Integer) globals.get("Timeout"));
        Map<String, Object> sqsEvent = CfnTemplate.map(CfnTemplate.map(CfnTemplate.map(
                template.properties("QueueIndexFunction"), "Events"), "Queue"), "Properties");
        assertThat(CfnTemplate.list(sqsEvent, "FunctionResponseTypes")).containsExactly("ReportBatchItemFailures");
    }

    /** The function whose log group an ARN like {@code {Fn::GetAtt=[IndexFunctionLogGroup, Arn]}} names. */
    private static String functionOf(String getAtt) {
        int end = getAtt.indexOf("LogGroup");
        return end < 0 ? "" : getAtt.substring(getAtt.indexOf('[') + 1, end);
    }

    private static List<String> expectedRules() {
        List<String> rules = new ArrayList<>();
        for (String s : SUFFIXES) {
            rules.add("s3:ObjectCreated:* " + s);
            rules.add("s3:ObjectRemoved:* " + s);
        }
        return rules;
    }

    @SuppressWarnings("unchecked")
    private static String suffix(Map<String, Object> withFilter) {
        List<Object> rules = CfnTemplate.list(CfnTemplate.map(CfnTemplate.map(withFilter, "Filter"), "S3Key"), "Rules");
        assertThat(rules).hasSize(1);
        Map<String, Object> rule = (Map<String, Object>) rules.get(0);
        assertThat(rule.get("Name")).isEqualTo("suffix");
        return (String) rule.get("Value");
    }

    /** Every "Resource" under a policy statement anywhere in the template. */
    private static void collectPolicyResources(Object node, List<Object> out) {
        if (node instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) node;
            if (m.containsKey("Effect") && m.containsKey("Action") && m.containsKey("Resource")) {
                Object r = m.get("Resource");
                if (r instanceof List) {
                    out.addAll((List<?>) r);
                } else {
                    out.add(r);
                }
            }
            m.values().forEach(v -> collectPolicyResources(v, out));
        } else if (node instanceof List) {
            ((List<?>) node).forEach(v -> collectPolicyResources(v, out));
        }
    }
}
