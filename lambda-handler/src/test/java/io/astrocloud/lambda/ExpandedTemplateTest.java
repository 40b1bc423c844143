package io.astrocloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astrocloud.index.IndexTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CloudFormation that template.yaml becomes once aws-sam-translator has expanded it (what
 * CloudFormation deploys: SAM's generated roles, permissions, aliases and event source mappings
 * included), walked for what least privilege and operations need: no policy statement anywhere with
 * a wildcard action or a wildcard resource, no AWS managed policy, every function writing JSON logs to
 * its own log group with a retention, kept data kept on stack deletion, and an alarm on every
 * dead-letter queue and every function.
 */
class ExpandedTemplateTest {
    /**
     * A resource may end in a wildcard only below something this stack names: the objects of its
     * bucket ({@code s3:::${BucketName}/...*}) or the streams of a log group (GetAtt of its ARN).
     */
    private static final Pattern SCOPED_OBJECTS =
            Pattern.compile("arn:\\$\\{AWS::Partition}:s3:::\\$\\{BucketName}/([a-z]+/)*\\*");

    private static JsonNode resources;

    @BeforeAll
    static void expand() throws Exception {
        resources = TemplateTools.expandedTemplate().path("Resources");
        assertThat(resources.size()).isGreaterThan(40);
    }

    @Test
    void noPolicyStatementHasAWildcardActionOrResource() {
        List<String> offences = wildcards(resources);
        assertThat(TemplateTools.policyStatements(resources)).hasSizeGreaterThanOrEqualTo(15);
        assertThat(offences).as("wildcards in the expanded template's policies").isEmpty();
    }

    @Test
    void theWildcardWalkFindsWhatSamsDefaultRolesWouldBring() {
        // What AWSLambdaBasicExecutionRole and AWSLambdaSQSQueueExecutionRole hold, planted in a copy.
        ObjectNode copy = resources.deepCopy();
        ObjectNode statement = new ObjectMapper().createObjectNode().put("Effect", "Allow").put("Resource", "*");
        statement.putArray("Action").add("logs:CreateLogGroup").add("sqs:*");
        ((ObjectNode) copy.path("IndexFunctionRole").path("Properties").path("Policies").get(0).path("PolicyDocument"))
                .withArray("Statement").add(statement);
        assertThat(wildcards(copy)).hasSize(2);
    }

    @Test
    void noRoleUsesAnAwsManagedPolicy() {
        for (Map.Entry<String, JsonNode> r : ofType("AWS::IAM::Role").entrySet()) {
            for (JsonNode arn : r.getValue().path("Properties").path("ManagedPolicyArns")) {
                assertThat(arn.toString()).as(r.getKey()).doesNotContain("iam::aws:policy");
                assertThat(arn).as(r.getKey())
                        .isEqualTo(new ObjectMapper().createObjectNode().put("Ref", "IndexerAccessPolicy"));
            }
        }
    }

    @Test
    void everyFunctionIsOnJava25Arm64WithSnapStartAndJsonLogsInItsOwnGroup() {
        Map<String, JsonNode> functions = ofType("AWS::Lambda::Function");
        assertThat(functions).hasSize(4);
        for (Map.Entry<String, JsonNode> f : functions.entrySet()) {
            JsonNode p = f.getValue().path("Properties");
            assertThat(p.path("Runtime").asText()).as(f.getKey()).isEqualTo("java25");
            assertThat(p.path("Architectures").toString()).as(f.getKey()).isEqualTo("[\"arm64\"]");
            assertThat(p.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
            JsonNode logging = p.path("LoggingConfig");
            assertThat(logging.path("LogFormat").asText()).isEqualTo("JSON");
            assertThat(logging.path("ApplicationLogLevel").asText()).isEqualTo("INFO");
            String group = logging.path("LogGroup").path("Ref").asText();
            assertThat(group).as(f.getKey()).isEqualTo(f.getKey() + "LogGroup");
            JsonNode logGroup = resources.path(group);
            assertThat(logGroup.path("Type").asText()).isEqualTo("AWS::Logs::LogGroup");
            assertThat(logGroup.path("Properties").path("RetentionInDays").path("Ref").asText())
                    .isEqualTo("LogRetentionDays");
            assertThat(logGroup.path("Condition")).isEqualTo(f.getValue().path("Condition"));
            // Its role writes to that log group and no other.
            String role = p.path("Role").path("Fn::GetAtt").get(0).asText();
            List<String> logResources = new ArrayList<>();
            for (JsonNode s : TemplateTools.policyStatements(resources.path(role))) {
                if (s.path("Action").toString().contains("logs:")) {
                    logResources.add(s.path("Resource").toString());
                }
            }
            assertThat(logResources).containsExactly("{\"Fn::GetAtt\":[\"" + group + "\",\"Arn\"]}");
        }
    }

    @Test
    void sqsPermissionsNameOnlyTheStacksQueues() {
        Set<String> queues = ofType("AWS::SQS::Queue").keySet();
        for (JsonNode s : TemplateTools.policyStatements(resources)) {
            if (s.path("Action").toString().contains("sqs:")) {
                String queue = s.path("Resource").path("Fn::GetAtt").path(0).asText();
                assertThat(queues).as(s.toString()).contains(queue);
            }
        }
    }

    @Test
    void theIndexTheBucketAndEveryDeadLetterQueueOutliveTheStack() {
        Set<String> kept = new TreeSet<>(List.of("IndexTableV2", "FitsBucket"));
        kept.addAll(deadLetterQueues());
        for (String id : kept) {
            assertThat(resources.path(id).path("DeletionPolicy").asText()).as(id).isEqualTo("Retain");
            assertThat(resources.path(id).path("UpdateReplacePolicy").asText()).as(id).isEqualTo("Retain");
        }
    }

    @Test
    void everyDeadLetterQueueAndEveryFunctionHasAnAlarmThatCanNotify() {
        Set<String> watchedQueues = new HashSet<>();
        Set<String> watchedFunctions = new HashSet<>();
        for (JsonNode alarm : ofType("AWS::CloudWatch::Alarm").values()) {
            JsonNode p = alarm.path("Properties");
            JsonNode dimension = p.path("Dimensions").get(0).path("Value");
            if (p.path("MetricName").asText().equals("ApproximateNumberOfMessagesVisible")) {
                watchedQueues.add(dimension.path("Fn::GetAtt").get(0).asText());
            } else if (p.path("Namespace").asText().equals("AWS/Lambda")
                    && p.path("MetricName").asText().equals("Errors")) {
                watchedFunctions.add(dimension.path("Ref").asText());
            }
            assertThat(p.path("Threshold").asInt()).isZero();
            assertThat(p.path("ComparisonOperator").asText()).isEqualTo("GreaterThanThreshold");
            assertThat(p.path("AlarmActions").toString()).contains("NotifiesTopic").contains("AlarmTopicArn");
        }
        assertThat(watchedQueues).containsExactlyInAnyOrderElementsOf(deadLetterQueues());
        assertThat(watchedFunctions).containsExactlyInAnyOrderElementsOf(ofType("AWS::Lambda::Function").keySet());
    }

    /** Queues that something sends its failures to: redrive targets, on-failure destinations, rule DLQs. */
    private static Set<String> deadLetterQueues() {
        Set<String> dlq = new TreeSet<>();
        for (JsonNode r : resources) {
            JsonNode p = r.path("Properties");
            addQueue(dlq, p.path("RedrivePolicy").path("deadLetterTargetArn"));
            addQueue(dlq, p.path("DestinationConfig").path("OnFailure").path("Destination"));
            for (JsonNode target : p.path("Targets")) {
                addQueue(dlq, target.path("DeadLetterConfig").path("Arn"));
            }
        }
        assertThat(dlq).hasSize(3);
        return dlq;
    }

    private static void addQueue(Set<String> into, JsonNode getAttArn) {
        if (getAttArn.has("Fn::GetAtt")) {
            into.add(getAttArn.path("Fn::GetAtt").get(0).asText());
        }
    }

    private static Map<String, JsonNode> ofType(String type) {
        Map<String, JsonNode> found = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().path("Type").asText().equals(type)) {
                found.put(e.getKey(), e.getValue());
            }
        }
        return found;
    }

    /** One line per wildcard action or resource in any policy statement under {@code root}. */
    private static List<String> wildcards(JsonNode root) {
        List<String> offences = new ArrayList<>();
        for (JsonNode s : TemplateTools.policyStatements(root)) {
            for (JsonNode a : list(s.has("Action") ? s.path("Action") : s.path("NotAction"))) {
                if (!a.isTextual() || a.asText().contains("*") || a.asText().contains("?")) {
                    offences.add("action " + a + " in " + s);
                }
            }
            if (s.has("NotResource")) {
                offences.add("NotResource in " + s);
            }
            for (JsonNode r : list(s.path("Resource"))) {
                if (!scoped(r)) {
                    offences.add("resource " + r + " in " + s);
                }
            }
        }
        return offences;
    }

    /** A resource without a wildcard, or with one only below this stack's bucket. */
    private static boolean scoped(JsonNode r) {
        if (r.isTextual()) {
            return !r.asText().contains("*");
        }
        if (r.has("Fn::Sub") && r.path("Fn::Sub").isTextual()) {
            String arn = r.path("Fn::Sub").asText();
            return !arn.contains("*") || SCOPED_OBJECTS.matcher(arn).matches();
        }
        // Ref or GetAtt of a resource of this stack (a log group's ARN covers its own streams only).
        return (r.has("Ref") || r.has("Fn::GetAtt")) && r.size() == 1;
    }

    private static List<JsonNode> list(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(out::add);
        } else if (!n.isMissingNode()) {
            out.add(n);
        }
        return out;
    }
}
