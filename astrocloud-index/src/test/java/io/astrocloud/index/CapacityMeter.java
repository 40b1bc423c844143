package io.astrocloud.index;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * What a DynamoDB client's calls cost, as DynamoDB reports it: every request is sent with
 * {@code ReturnConsumedCapacity=INDEXES}, and the capacity units of each response are added up,
 * the table's apart from its secondary indexes', with the calls by operation and the request
 * bytes sent. DynamoDB Local reports consumed capacity as DynamoDB computes it (write units by 1 KB
 * of item, read units by 4 KB, strongly consistent reads at full price, index writes separately).
 */
public final class CapacityMeter implements ExecutionInterceptor {
    private final DoubleAdder tableWrites = new DoubleAdder();
    private final DoubleAdder indexWrites = new DoubleAdder();
    private final DoubleAdder tableReads = new DoubleAdder();
    private final DoubleAdder indexReads = new DoubleAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final Map<String, LongAdder> calls = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, DoubleAdder> writesByOperation = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A snapshot of the costs.
     *
     * @param writesByOperation write units (table and indexes) by operation
     */
    public record Cost(double tableWrites, double indexWrites, double tableReads, double indexReads,
                       Map<String, Long> calls, long bytesSent, Map<String, Double> writesByOperation) {
        /** Write units (table and indexes) of {@code operation}. */
        public double writes(String operation) {
            return writesByOperation.getOrDefault(operation, 0.0);
        }

        /** Write units, table and indexes. */
        public double writes() {
            return tableWrites + indexWrites;
        }

        /** Read units, table and indexes. */
        public double reads() {
            return tableReads + indexReads;
        }

        /** Calls of every operation. */
        public long totalCalls() {
            return calls.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Calls of {@code operation} (PutItem, BatchWriteItem, ...). */
        public long calls(String operation) {
            return calls.getOrDefault(operation, 0L);
        }

        /** What was spent between {@code before} and this. */
        public Cost minus(Cost before) {
            Map<String, Long> c = new TreeMap<>(calls);
            before.calls.forEach((k, v) -> c.merge(k, -v, Long::sum));
            c.values().removeIf(v -> v == 0);
            Map<String, Double> w = new TreeMap<>(writesByOperation);
            before.writesByOperation.forEach((k, v) -> w.merge(k, -v, Double::sum));
            return new Cost(tableWrites - before.tableWrites, indexWrites - before.indexWrites,
                    tableReads - before.tableReads, indexReads - before.indexReads, c, bytesSent - before.bytesSent, w);
        }
    }

    /** The costs so far. */
    public Cost cost() {
        Map<String, Long> c = new TreeMap<>();
        calls.forEach((k, v) -> c.put(k, v.sum()));
        Map<String, Double> w = new TreeMap<>();
        writesByOperation.forEach((k, v) -> w.put(k, v.sum()));
        return new Cost(tableWrites.sum(), indexWrites.sum(), tableReads.sum(), indexReads.sum(), c, bytesSent.sum(), w);
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest r = context.request();
        ReturnConsumedCapacity all = ReturnConsumedCapacity.INDEXES;
        if (r instanceof PutItemRequest) {
            return ((PutItemRequest) r).toBuilder().returnConsumedCapacity(all).build();
        } else if (r instanceof DeleteItemRequest) {
            return ((DeleteItemRequest) r).toBuilder().returnConsumedCapacity(all).build();
        } else if (r instanceof UpdateItemRequest) {
            return ((UpdateItemRequest) r).toBuilder().returnConsumedCapacity(all).build();
        } else if (r instanceof BatchWriteItemRequest) {
            return ((BatchWriteItemRequest) r).toBuilder().returnConsumedCapacity(all).build();
        } else if (r instanceof GetItemRequest) {
            return ((GetItemRequest) r).toBuilder().returnConsumedCapacity(all).build();
        } else if (r instanceof BatchGetItemRequest) {
            return ((BatchGetItemRequest) r).toBuilder().returnConsumedCapacity(all).build();
        } else if (r instanceof QueryRequest) {
            return ((QueryRequest) r).toBuilder().returnConsumedCapacity(all).build();
        }
        return r;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        context.requestBody().flatMap(b -> b.optionalContentLength()).ifPresent(bytesSent::add);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Object r = context.response();
        String op = r.getClass().getSimpleName().replace("Response", "");
        calls.computeIfAbsent(op, k -> new LongAdder()).increment();
        if (r instanceof PutItemResponse) {
            add(op, ((PutItemResponse) r).consumedCapacity(), true);
        } else if (r instanceof DeleteItemResponse) {
            add(op, ((DeleteItemResponse) r).consumedCapacity(), true);
        } else if (r instanceof UpdateItemResponse) {
            add(op, ((UpdateItemResponse) r).consumedCapacity(), true);
        } else if (r instanceof BatchWriteItemResponse) {
            ((BatchWriteItemResponse) r).consumedCapacity().forEach(c -> add(op, c, true));
        } else if (r instanceof GetItemResponse) {
            add(op, ((GetItemResponse) r).consumedCapacity(), false);
        } else if (r instanceof BatchGetItemResponse) {
            ((BatchGetItemResponse) r).consumedCapacity().forEach(c -> add(op, c, false));
        } else if (r instanceof QueryResponse) {
            add(op, ((QueryResponse) r).consumedCapacity(), false);
        }
    }

    private void add(String operation, ConsumedCapacity c, boolean write) {
        if (c == null) {
            return;
        }
        double table = c.table() != null ? units(c.table(), write) : c.capacityUnits() == null ? 0 : c.capacityUnits();
        double indexes = 0;
        for (Capacity g : c.globalSecondaryIndexes().values()) {
            indexes += units(g, write);
        }
        (write ? tableWrites : tableReads).add(table);
        (write ? indexWrites : indexReads).add(indexes);
        if (write) {
            writesByOperation.computeIfAbsent(operation, k -> new DoubleAdder()).add(table + indexes);
        }
    }

    private static double units(Capacity c, boolean write) {
        Double v = write ? c.writeCapacityUnits() : c.readCapacityUnits();
        if (v == null) {
            v = c.capacityUnits();
        }
        return v == null ? 0 : v;
    }
}
