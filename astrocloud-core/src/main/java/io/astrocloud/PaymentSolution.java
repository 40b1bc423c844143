package io.astrocloud;

/** Who pays for requests to a requester-pays bucket. */
public enum PaymentSolution {
    /** The bucket owner: requests carry no payment header. */
    NONE,
    /** The caller's AWS account: requests carry {@code x-amz-request-payer: requester}. */
    AWS_REQUESTER_PAYS
}
