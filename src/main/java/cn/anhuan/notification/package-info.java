/** In-app notifications: who is concerned by a hazard's step or escalation, and each user's inbox. */
@org.springframework.modulith.ApplicationModule(displayName = "Notification",
        allowedDependencies = {"shared", "identity", "hazard", "monitoring", "air"})
package cn.anhuan.notification;
