package dev.orderflow.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void isAdmin_isTrue_forTheAdminScopeOrTheAdminGroup_only() {
        assertThat(new Caller("u1", Set.of("orderflow/admin"), Set.of()).isAdmin()).isTrue();
        assertThat(new Caller("u1", Set.of(), Set.of("admins")).isAdmin()).isTrue();
        assertThat(
                        new Caller("u1", Set.of("openid", "orderflow/admins"), Set.of("admin"))
                                .isAdmin())
                .isFalse();
    }

    @Test
    void constructor_rejectsABlankSubject() {
        assertThatThrownBy(() -> new Caller(" ", Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
