package cn.anhuan.audit.web;

import cn.anhuan.audit.AuditCheckpoints;
import cn.anhuan.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public anchor of the audit trail (no login): the latest signed checkpoint and the public key, so that
 * anyone can keep copies and check later that the platform's checkpoint log was not rewritten.
 */
@Controller
class AuditAnchorController {

    private final AuditCheckpoints checkpoints;

    AuditAnchorController(AuditCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @GetMapping("/public/audit-anchor")
    String anchor(Model model) {
        if (!checkpoints.published()) {
            throw new NotFoundException("page", "/public/audit-anchor");
        }
        model.addAttribute("checkpoint", checkpoints.latest().orElse(null));
        model.addAttribute("publicKey", checkpoints.publicKeyPem());
        model.addAttribute("fingerprint", checkpoints.fingerprint());
        return "public/audit-anchor";
    }
}
