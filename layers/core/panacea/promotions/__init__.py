"""Promotions: campaigns and coupons, what they take off an order, and the limits they keep."""
