package dev.orderflow.cloud.internal.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.cloud.internal.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IntrinsicsTest {

    private Intrinsics intrinsics;

    @BeforeEach
    void setUp() {
        JsonNode template =
                Json.parse(
                        "{\"Parameters\":{\"Stage\":{\"Type\":\"String\",\"Default\":\"dev\"}},"
                                + "\"Conditions\":{\"IsDev\":{\"Fn::Equals\":[{\"Ref\":\"Stage\"},\"dev\"]}},"
                                + "\"Mappings\":{\"Sizes\":{\"dev\":{\"Memory\":\"512\"}}}}");
        PhysicalIds ids = new PhysicalIds("Stack", "eu-west-1", "000000000000");
        ids.assign("Orders1234", "AWS::DynamoDB::Table", Json.object());
        ids.assign("Jobs5678", "AWS::SQS::Queue", Json.object());
        intrinsics = new Intrinsics(ids, template);
    }

    private String resolve(String json) {
        return intrinsics.resolveText(Json.parse(json));
    }

    @Test
    void ref_givesTheDeterministicPhysicalName_andPseudoParameters() {
        assertThat(resolve("{\"Ref\":\"Orders1234\"}")).isEqualTo("Stack-Orders1234");
        assertThat(resolve("{\"Ref\":\"AWS::Region\"}")).isEqualTo("eu-west-1");
        assertThat(resolve("{\"Ref\":\"Stage\"}")).isEqualTo("dev");
    }

    @Test
    void getAtt_acceptsArrayAndDottedForms() {
        assertThat(resolve("{\"Fn::GetAtt\":[\"Jobs5678\",\"Arn\"]}"))
                .isEqualTo("arn:aws:sqs:eu-west-1:000000000000:Stack-Jobs5678");
        assertThat(resolve("{\"Fn::GetAtt\":\"Orders1234.Arn\"}"))
                .isEqualTo("arn:aws:dynamodb:eu-west-1:000000000000:table/Stack-Orders1234");
    }

    @Test
    void sub_replacesRefsAttributesAndVariables_andKeepsEscapes() {
        assertThat(
                        resolve(
                                "{\"Fn::Sub\":[\"${AWS::Region}/${Orders1234}/${Jobs5678.QueueName}/${X}/${!Literal}\","
                                        + "{\"X\":{\"Ref\":\"Stage\"}}]}"))
                .isEqualTo("eu-west-1/Stack-Orders1234/Stack-Jobs5678/dev/${Literal}");
    }

    @Test
    void joinSelectSplit_compose() {
        assertThat(
                        resolve(
                                "{\"Fn::Join\":[\"-\",[\"a\",{\"Fn::Select\":[1,{\"Fn::Split\":[\",\",\"x,y,z\"]}]}]]}"))
                .isEqualTo("a-y");
    }

    @Test
    void ifFindInMap_followConditionsAndMappings() {
        assertThat(
                        resolve(
                                "{\"Fn::If\":[\"IsDev\",{\"Fn::FindInMap\":[\"Sizes\",\"dev\",\"Memory\"]},\"1024\"]}"))
                .isEqualTo("512");
    }

    @Test
    void noValue_removesTheProperty() {
        JsonNode out =
                intrinsics.resolve(Json.parse("{\"A\":\"1\",\"B\":{\"Ref\":\"AWS::NoValue\"}}"));

        assertThat(out.has("B")).isFalse();
        assertThat(out.path("A").asText()).isEqualTo("1");
    }

    @Test
    void importValue_isReportedAsUnsupported() {
        assertThatThrownBy(() -> resolve("{\"Fn::ImportValue\":\"Other-Export\"}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Fn::ImportValue");
    }
}
