package dev.orderflow.functions.admin;

import dev.orderflow.domain.error.InvalidInput;

/** The JSON body of a reshard: how many stock shards the product's units spread over. */
record ReshardStockRequest(Integer shards) {

    int requiredShards() {
        if (shards == null) {
            throw InvalidInput.of("shards", "is required");
        }
        return shards;
    }
}
