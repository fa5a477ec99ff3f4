package dev.orderflow.domain.centers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.error.InvalidInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WarehouseLinkTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://wms.example.com",
                "https://wms.example.com:8443/api/v1",
                "http://localhost:8080",
                "http://127.0.0.1:41234/wms"
            })
    void endpoint_acceptsHttps_andHttpOnLoopback(String url) {
        assertThat(WarehouseLink.Endpoint.parse(url).url()).hasToString(url);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://wms.example.com",
                "ftp://wms.example.com",
                "/relative/path",
                "https://",
                "https://user:secret@wms.example.com",
                "https://wms.example.com/?key=1",
                "https://wms.example.com/#top",
                "https://wms example.com",
                "not a url"
            })
    void endpoint_refusesWhatIsNotAnAbsoluteHttpsUrl(String url) {
        assertThatThrownBy(() -> WarehouseLink.Endpoint.parse(url))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e ->
                                assertThat(e.violations().get(0).field())
                                        .isEqualTo("warehouseEndpoint"));
    }

    @ParameterizedTest
    @ValueSource(ints = {WarehouseLink.Endpoint.MAX_LENGTH + 1})
    void endpoint_refusesAnOverlongUrl(int length) {
        String url = "https://wms.example.com/" + "a".repeat(length - 24);
        assertThatThrownBy(() -> WarehouseLink.Endpoint.parse(url))
                .isInstanceOf(InvalidInput.class);
    }
}
