// What "forgot my password" answers, whatever the e-mail: no account can be told from another.
// Without a mail server (issue 12) the link cannot reach the person; their province's Home
// Affairs department issues a new one from the accounts page.
export const FORGOT_ANSWER = {
  message:
    "Đã ghi nhận yêu cầu. Cổng chưa cấu hình gửi thư điện tử nên không gửi được đường liên kết: vui lòng liên hệ Sở Nội vụ tỉnh, thành phố của bạn (hoặc quản trị hệ thống) để được cấp đường liên kết đặt lại mật khẩu.",
} as const;
