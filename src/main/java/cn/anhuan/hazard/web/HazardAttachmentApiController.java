package cn.anhuan.hazard.web;

import java.io.IOException;
import java.util.List;

import cn.anhuan.hazard.Attachment;
import cn.anhuan.hazard.HazardAttachments;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Hazard photos and files over the API: list, upload (multipart), download. */
@RestController
@RequestMapping("/api/v1/hazards/{id}/attachments")
class HazardAttachmentApiController {

    private final HazardAttachments attachments;

    HazardAttachmentApiController(HazardAttachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping
    List<Attachment> list(@PathVariable long id) {
        return attachments.list(id);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Attachment upload(@PathVariable long id, @RequestParam String stage, @RequestParam("file") MultipartFile file)
            throws IOException {
        return attachments.upload(id, stage, file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/{fileId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId,
                                    @RequestParam(defaultValue = "false") boolean thumbnail) {
        return HazardFileController.send(attachments.download(id, fileId, thumbnail));
    }
}
