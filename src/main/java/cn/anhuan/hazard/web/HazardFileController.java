package cn.anhuan.hazard.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.anhuan.hazard.HazardAttachments;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Hazard photos and files for the pages (session login): upload and download, both through the hazard so the
 * caller's scope applies.
 */
@Controller
class HazardFileController {

    private final HazardAttachments attachments;

    HazardFileController(HazardAttachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping("/hazards/{id}/files")
    String upload(@PathVariable long id, @RequestParam String stage, @RequestParam("file") MultipartFile file,
                  RedirectAttributes redirect) throws IOException {
        try {
            attachments.upload(id, stage, file.getOriginalFilename(), file.getBytes());
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("problems", List.of(new InvalidInputException.FieldProblem(
                    e.field(), e.messageKey(), e.args())));
        }
        return "redirect:/hazards/" + id;
    }

    @GetMapping("/hazards/{id}/files/{fileId}")
    @ResponseBody
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId,
                                    @RequestParam(defaultValue = "false") boolean thumbnail) {
        return send(attachments.download(id, fileId, thumbnail));
    }

    /** The bytes with their checked type; images inline, anything else as a download; never sniffed. */
    static ResponseEntity<byte[]> send(HazardAttachments.Download d) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, (d.contentType().startsWith("image/")
                        ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(d.bytes());
    }
}
