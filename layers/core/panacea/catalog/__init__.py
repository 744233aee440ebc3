"""Catalog: the stores of a tenant's mall, what they sell (products, SKUs, prices), and stock."""
