package org.notebookscheduler.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

class WebhookTargetTest {

    @ParameterizedTest
    @CsvSource({
            "https://open.feishu.cn/open-apis/bot/v2/hook/0f5c6d2e-aaaa, FEISHU",
            "https://open.larksuite.com/open-apis/bot/v2/hook/0f5c6d2e-aaaa, FEISHU",
            "https://oapi.dingtalk.com/robot/send?access_token=abc123, DINGTALK",
            "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6, WECOM",
            "https://hooks.slack.com/services/T000/B000/XXXX, SLACK",
            "https://example.com/notify, GENERIC"})
    void the_robot_kind_is_detected_from_the_url(String url, WebhookKind kind) {
        assertThat(WebhookTarget.of(url, null, null, "webhookUrl").kind()).isEqualTo(kind);
    }

    @Test
    void an_explicit_kind_wins_over_detection() {
        assertThat(WebhookTarget.of("https://proxy.internal/feishu", WebhookKind.FEISHU, null, "u").kind())
                .isEqualTo(WebhookKind.FEISHU);
    }

    @Test
    void the_token_in_the_url_never_shows_in_its_text_form() {
        WebhookTarget target = WebhookTarget.of("https://oapi.dingtalk.com/robot/send?access_token=abc123", null,
                "SECsigning", "webhookUrl");

        assertThat(target.toString()).doesNotContain("abc123").doesNotContain("SECsigning");
        assertThat(target.redacted()).matches("https://oapi\\.dingtalk\\.com/…#[0-9a-f]{6}");
        assertThat(target.url().reveal()).contains("abc123");
    }

    @Test
    void a_url_that_is_not_http_is_refused_without_echoing_it() {
        assertThatThrownBy(() -> WebhookTarget.of("ftp://host/token-123", null, null, "webhookUrl"))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FIELD_OUT_OF_RANGE);
                    assertThat(e.field()).contains("webhookUrl");
                    assertThat(e.getMessage()).doesNotContain("token-123");
                });
    }

    /** Observed: the dead-letter list showed http://127.0.0.1:18500/… for every robot on one host. */
    @org.junit.jupiter.api.Test
    void two_robots_on_one_host_are_told_apart_without_showing_their_tokens() {
        WebhookTarget first = WebhookTarget.of("https://open.feishu.cn/open-apis/bot/v2/hook/token-one", null, null, "url");
        WebhookTarget second = WebhookTarget.of("https://open.feishu.cn/open-apis/bot/v2/hook/token-two", null, null,
                "url");

        assertThat(first.redacted()).isNotEqualTo(second.redacted()).doesNotContain("token-one");
        assertThat(second.redacted()).doesNotContain("token-two");
    }
}
