package dev.orderflow.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AwsJsonPartsTest {

    @Test
    void scope_readsTheCredentialScopeOfAnAuthorizationHeader() {
        String header =
                "AWS4-HMAC-SHA256 Credential=AKID/20261202/eu-central-1/DynamoDB/aws4_request,"
                        + " SignedHeaders=host;x-amz-date, Signature=abc";

        assertThat(SigV4.scope(header))
                .hasValue(new SigV4.Scope("AKID", "20261202", "eu-central-1", "dynamodb"));
        assertThat(SigV4.headerParameters(header))
                .containsEntry("SignedHeaders", "host;x-amz-date")
                .containsEntry("Signature", "abc");
    }

    @Test
    void scope_isEmpty_forOtherSchemesAndIncompleteCredentials() {
        assertThat(SigV4.scope(null)).isEmpty();
        assertThat(SigV4.scope("Bearer x")).isEmpty();
        assertThat(SigV4.scope("AWS4-HMAC-SHA256 Credential=AKID/20261202")).isEmpty();
        assertThat(SigV4.scope("AWS4-HMAC-SHA256")).isEmpty();
    }

    @Test
    void queryParameters_arePercentDecoded_andMalformedEscapesKept() {
        assertThat(SigV4.queryParameters("X-Amz-Credential=a%2Fb&flag&bad=%zz"))
                .containsEntry("X-Amz-Credential", "a/b")
                .containsEntry("flag", "")
                .containsEntry("bad", "%zz");
    }

    @Test
    void target_splitsPrefixAndOperation_atTheFirstDot() {
        assertThat(AwsTarget.parse("DynamoDB_20120810.GetItem"))
                .hasValue(new AwsTarget("DynamoDB_20120810", "GetItem"));
        assertThat(AwsTarget.parse("NoDot")).isEmpty();
        assertThat(AwsTarget.parse(".Op")).isEmpty();
        assertThat(AwsTarget.parse("Svc.")).isEmpty();
        assertThat(AwsTarget.parse(null)).isEmpty();
    }

    @Test
    void error_isAnAwsJsonBody_withEscapedMessage() {
        byte[] body = new AwsJsonError("ns#Code", "message", "a \"quoted\" word").body();

        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{\"__type\":\"ns#Code\",\"message\":\"a \\\"quoted\\\" word\"}");
        assertThat(
                        new String(
                                new AwsJsonError("ns#Code", "Message", null).body(),
                                StandardCharsets.UTF_8))
                .isEqualTo("{\"__type\":\"ns#Code\"}");
    }

    @Test
    void requestIds_areDistinctVersion4Uuids() {
        String a = RequestIds.uuid();

        assertThat(a)
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(RequestIds.uuid()).isNotEqualTo(a);
    }

    @Test
    void answer_crc32_isOfTheBody() {
        assertThat(HttpAnswer.text(200, "text/plain", "").crc32()).isZero();
        assertThat(HttpAnswer.text(200, "text/plain", "{}").crc32()).isEqualTo(2745614147L);
    }
}
