package dev.orderflow.dynamodb.internal.ops;

import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.ReadAccess;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.table.Table;
import java.util.Optional;

/** Tables named by ARN, as the tagging operations name them. */
final class TableArns {

    private TableArns() {}

    /** The table an ARN names; TagResource and ListTagsOfResource name the ARN when it is not. */
    static Table table(ReadAccess state, String arn) {
        return find(state, arn)
                .orElseThrow(
                        () ->
                                ApiException.resourceNotFound(
                                        "Requested resource not found: ResourcArn: "
                                                + arn
                                                + " not found"));
    }

    /**
     * The table an ARN names, if it exists; an ARN that names no table of this engine is invalid.
     */
    static Optional<Table> find(ReadAccess state, String arn) {
        String prefix = "arn:aws:dynamodb:" + Engine.REGION + ":" + Engine.ACCOUNT + ":table/";
        if (!arn.startsWith(prefix)) {
            throw ApiException.validation(
                    "Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
        return Optional.ofNullable(state.tables().get(arn.substring(prefix.length())));
    }
}
