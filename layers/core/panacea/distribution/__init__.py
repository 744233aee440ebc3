"""Distribution: distributors, their referral codes, share links and QR codes, and the commission they earn."""
