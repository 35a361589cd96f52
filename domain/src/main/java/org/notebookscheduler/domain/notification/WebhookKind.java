package org.notebookscheduler.domain.notification;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/** The IM robot behind a webhook URL; decides the body, the signing and how success is judged. */
public enum WebhookKind {
    /** 100 messages a minute and 5 a second per robot. */
    FEISHU(Duration.ofMillis(600)),
    /** 20 messages a minute per robot. */
    DINGTALK(Duration.ofSeconds(3)),
    /** 20 messages a minute per robot. */
    WECOM(Duration.ofSeconds(3)),
    /** About one message a second per webhook. */
    SLACK(Duration.ofSeconds(1)),
    /** No documented limit: sent as fast as the relay goes. */
    GENERIC(Duration.ZERO);

    private final Duration minInterval;

    WebhookKind(Duration minInterval) {
        this.minInterval = minInterval;
    }

    /** The shortest time between two messages to one robot of this kind, from its vendor's documented rate. */
    public Duration minInterval() {
        return minInterval;
    }

    /** Recognises the robot by host and path, as each vendor shapes its URLs; anything else is generic. */
    public static WebhookKind detect(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        String path = url.getPath() == null ? "" : url.getPath();
        if ((host.equals("open.feishu.cn") || host.equals("open.larksuite.com"))
                && path.startsWith("/open-apis/bot/v2/hook/")) {
            return FEISHU;
        }
        if (host.equals("oapi.dingtalk.com") && path.startsWith("/robot/send")) {
            return DINGTALK;
        }
        if (host.equals("qyapi.weixin.qq.com") && path.startsWith("/cgi-bin/webhook/send")) {
            return WECOM;
        }
        if (host.equals("hooks.slack.com") && path.startsWith("/services/")) {
            return SLACK;
        }
        return GENERIC;
    }
}
