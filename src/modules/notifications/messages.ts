import type { Catalogs } from "../../platform/i18n/i18n.ts";

export const notificationsMessages: Catalogs = {
  vi: {
    "notifications.title": "Hộp thư thông báo",
    "notifications.empty": "Chưa có thông báo nào.",
    "notifications.markAll": "Đánh dấu tất cả là đã đọc",
    "notifications.allRead": "Đã đánh dấu tất cả là đã đọc.",
    "notifications.new": "Mới",
  },
  en: {
    "notifications.title": "Notifications",
    "notifications.empty": "No notifications yet.",
    "notifications.markAll": "Mark all as read",
    "notifications.allRead": "All marked as read.",
    "notifications.new": "New",
  },
};
