package org.notebookscheduler.domain.notification;

import java.net.URI;
import java.util.Locale;

/** The IM robot behind a webhook URL; decides the body, the signing and how success is judged. */
public enum WebhookKind {
    FEISHU,
    DINGTALK,
    WECOM,
    SLACK,
    GENERIC;

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
