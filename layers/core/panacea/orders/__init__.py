"""Orders: cart, checkout, the order lifecycle and its fulfilment."""
